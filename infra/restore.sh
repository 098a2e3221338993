#!/usr/bin/env bash
# Restores a backup of infra/backup.sh into a cluster (an empty one, after a loss).
#
#   infra/restore.sh [--force] [--no-rewind] <dir> <target> [service...]
#
# <dir>: a backup (manifest.json + <svc>.dump); every service in it, or only those named.
# <target>: postgres://<admin>:<password>@<host>:<port> — a login that may create roles and
#   databases (CREATEROLE CREATEDB, or a superuser).
# Per service: checks the dump's sha256; creates the owner role if missing (LOGIN with password
# $<SVC>_DB_PASSWORD when set, e.g. PERSONNEL_DB_PASSWORD, else NOLOGIN: give it one before the
# service starts); creates the database as the manifest names it, owned by that role; pg_restore's
# objects are owned by it too; checks the last migration is the manifest's. A database that exists
# and holds tables is refused unless --force (then it is dropped and restored).
# Then, unless --no-rewind, the service's Kafka consumer groups are moved back to the restored
# inbox's positions (infra/rewind-consumers.js; KAFKA_BROKERS, KAFKA_TOPIC_PREFIX), so what the
# service had consumed after the backup is consumed again. Stop the service before restoring;
# start it on the restored database after: it migrates forward, its relay sends what the outbox
# had not sent, its consumers catch up from Kafka. Its own writes after the backup are not in it.
set -euo pipefail
LOG_TAG=restore
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

usage() { echo "usage: $0 [--force] [--no-rewind] <dir> <postgres://admin:password@host:port> [service...]" >&2; exit 2; }
force=false
rewind=true
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=true; shift ;;
    --no-rewind) rewind=false; shift ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || usage
dir="$1"
target="${2%/}"
shift 2
[[ "$target" =~ ^postgres(ql)?://[^/]+$ ]] || die "target must be postgres://<admin>:<password>@<host>:<port> (no database), got $target"
manifest="$dir/manifest.json"
[ -f "$manifest" ] || die "no backup in $dir (manifest.json missing)"
command -v pg_restore >/dev/null || die "pg_restore not found (infra/postgres.sh install)"
command -v jq >/dev/null || die "jq not found (apt-get install jq)"

if [ $# -gt 0 ]; then services=("$@"); else mapfile -t services < <(jq -r '.services[].service' "$manifest"); fi

admin_sql() { psql -X -w -q -At -v ON_ERROR_STOP=1 -d "$target/postgres" "$@"; }
admin_sql -c 'SELECT 1' >/dev/null || die "cannot log in to $target as its admin"
superuser="$(admin_sql -c 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user')"

started=$(date +%s%3N)
for svc in "${services[@]}"; do
  entry="$(jq -c --arg s "$svc" '.services[] | select(.service == $s)' "$manifest")"
  [ -n "$entry" ] || die "$svc is not in the backup in $dir"
  database="$(jq -r .database <<<"$entry")"
  owner="$(jq -r .owner <<<"$entry")"
  file="$dir/$(jq -r .file <<<"$entry")"
  migration="$(jq -r .migration <<<"$entry")"
  [ "$(sha256sum "$file" | cut -d' ' -f1)" = "$(jq -r .sha256 <<<"$entry")" ] \
    || die "$svc: $file does not match the manifest's sha256 (damaged or replaced)"
  t0=$(date +%s%3N)

  # The owner role: created if missing; the admin must be a member to create its database.
  pw_var="${svc^^}_DB_PASSWORD"
  admin_sql -v owner="$owner" -v pw="${!pw_var:-}" <<'SQL' >/dev/null
SELECT format('CREATE ROLE %I NOLOGIN', :'owner') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'owner', :'pw') WHERE :'pw' <> '' \gexec
SQL
  if [ "$superuser" != t ]; then
    admin_sql -v owner="$owner" <<<"SELECT format('GRANT %I TO %I', :'owner', current_user) WHERE :'owner' <> current_user \gexec" >/dev/null
  fi

  exists="$(admin_sql -v db="$database" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db'")"
  if [ "$exists" = 1 ]; then
    tables="$(psql -X -w -q -At -d "$target/$database" -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")"
    if [ "$tables" != 0 ] && [ "$force" != true ]; then
      die "$svc: database $database on the target is not empty ($tables tables); refusing to overwrite it (--force drops and restores it)"
    fi
    admin_sql -v db="$database" <<<"SELECT format('DROP DATABASE %I WITH (FORCE)', :'db') \gexec" >/dev/null
  fi
  admin_sql -v db="$database" -v owner="$owner" \
    <<<"SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE template0 ENCODING ''UTF8''', :'db', :'owner') \gexec" >/dev/null
  pg_restore --exit-on-error --no-owner --no-acl --role="$owner" -d "$target/$database" "$file" \
    || die "$svc: pg_restore into $database failed"
  restored="$(psql -X -w -q -At -d "$target/$database" -c 'SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC LIMIT 1')"
  [ "$restored" = "$migration" ] || die "$svc: restored migration $restored is not the manifest's $migration"
  log "$svc: $file → $database (owner $owner; migration $migration; $(($(date +%s%3N) - t0)) ms)"

  if [ "$rewind" = true ]; then
    DATABASE_URL="$target/$database" node "$INFRA_DIR/rewind-consumers.js" \
      || die "$svc: restored, but its consumer groups were not rewound (is it stopped? KAFKA_BROKERS=$KAFKA_BROKERS); rerun with --force or rewind by hand"
  fi
done
log "restored ${services[*]} into $target ($(($(date +%s%3N) - started)) ms)"
