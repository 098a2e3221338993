#!/usr/bin/env bash
# Backs up services' databases: one pg_dump (custom format, compressed) per service and a manifest.
#
#   infra/backup.sh <service|all> <dir>
#
# <service>: organization personnel training finance evaluation, or all of them.
# <dir>: created if missing; must not hold a backup already (manifest.json).
# Each service's database is <SVC>_DATABASE_URL if set (e.g. PERSONNEL_DATABASE_URL), else
# postgres://grassroots_<svc>:grassroots_<svc>@$PGHOST:$PGPORT/grassroots_<svc> (infra/env.sh).
# Writes <dir>/<svc>.dump and <dir>/manifest.json: when, pg_dump's version, and per service the
# database, its owner, the file's size and sha256, the last migration applied and the outbox's
# last sequence number. Each dump is one consistent snapshot of its database (pg_dump's own
# transaction); the services keep running meanwhile. Restore with infra/restore.sh.
set -euo pipefail
LOG_TAG=backup
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

ALL=(organization personnel training finance evaluation)

usage() { echo "usage: $0 <service|all> <dir>   (service: ${ALL[*]})" >&2; exit 2; }
[ $# -eq 2 ] || usage
case "$1" in
  all) services=("${ALL[@]}") ;;
  organization | personnel | training | finance | evaluation) services=("$1") ;;
  *) usage ;;
esac
dir="$2"
command -v pg_dump >/dev/null || die "pg_dump not found (infra/postgres.sh install)"
command -v jq >/dev/null || die "jq not found (apt-get install jq)"
[ -e "$dir/manifest.json" ] && die "$dir already holds a backup (manifest.json); give an empty directory"
mkdir -p "$dir"

url_of() {
  local var
  var="$(printf '%s' "$1" | tr '[:lower:]' '[:upper:]')_DATABASE_URL"
  printf '%s' "${!var:-postgres://grassroots_$1:grassroots_$1@$PGHOST:$PGPORT/grassroots_$1}"
}

started=$(date +%s%3N)
entries=()
for svc in "${services[@]}"; do
  url="$(url_of "$svc")"
  # What the restore checks against: the database's name and owner, where its schema and outbox stand.
  info="$(psql -X -w -q -At -F $'\t' -v ON_ERROR_STOP=1 -d "$url" -c "
    SELECT current_database(),
           (SELECT r.rolname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba
             WHERE d.datname = current_database()),
           (SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC LIMIT 1),
           (SELECT count(*) FROM schema_migrations),
           (SELECT coalesce(max(seq), 0) FROM outbox)")" \
    || die "$svc: cannot read its database (set ${svc^^}_DATABASE_URL?)"
  IFS=$'\t' read -r database owner migration migrations outbox_seq <<<"$info"
  t0=$(date +%s%3N)
  pg_dump --format=custom --compress=6 --file="$dir/$svc.dump" -d "$url" || die "$svc: pg_dump failed"
  bytes=$(stat -c %s "$dir/$svc.dump")
  sha=$(sha256sum "$dir/$svc.dump" | cut -d' ' -f1)
  log "$svc: $database → $dir/$svc.dump ($bytes bytes, $(($(date +%s%3N) - t0)) ms; migration $migration)"
  entries+=("$(jq -n --arg service "$svc" --arg database "$database" --arg owner "$owner" \
    --arg file "$svc.dump" --argjson bytes "$bytes" --arg sha256 "$sha" --arg migration "$migration" \
    --argjson migrations "$migrations" --argjson outboxSeq "$outbox_seq" \
    '{service: $service, database: $database, owner: $owner, file: $file, bytes: $bytes,
      sha256: $sha256, migration: $migration, migrations: $migrations, outboxSeq: $outboxSeq}')")
done

printf '%s\n' "${entries[@]}" | jq -s --arg created "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  --arg pgDump "$(pg_dump --version)" '{format: 1, created: $created, pgDump: $pgDump, services: .}' \
  >"$dir/manifest.json.tmp"
mv "$dir/manifest.json.tmp" "$dir/manifest.json"
log "backup of ${services[*]} in $dir ($(du -sb "$dir" | cut -f1) bytes, $(($(date +%s%3N) - started)) ms)"
