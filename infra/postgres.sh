#!/usr/bin/env bash
# Local PostgreSQL for development and CI: a dedicated Debian cluster named
# "grassroots" on 127.0.0.1:$PGPORT (5433). The Debian "main" cluster (5432),
# if any, is left alone.
#
#   infra/postgres.sh install   apt-get install postgresql if missing
#   infra/postgres.sh start     create/configure the cluster, start it, create roles + databases
#   infra/postgres.sh stop      stop the cluster (data is kept)
#   infra/postgres.sh status    print running/stopped; exit 0 if running, 3 otherwise
#
# Every command is idempotent.
set -euo pipefail
LOG_TAG=postgres
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

CLUSTER=grassroots
PORT="$PGPORT"
SERVICES=(organization personnel training finance evaluation)
ADMIN_ROLE=grassroots_admin
ADMIN_PASSWORD=grassroots_admin
START_TIMEOUT=60

# Version of an existing "grassroots" cluster, or empty.
cluster_version() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters -h 2>/dev/null | awk -v c="$CLUSTER" '$2 == c { print $1; exit }'
}

# Newest installed server major version, or empty.
installed_major() {
  local d
  for d in /usr/lib/postgresql/*/bin/postgres; do [ -x "$d" ] && basename "$(dirname "$(dirname "$d")")"; done \
    | sort -n | tail -n1
}

cluster_online() {
  local v="$1"
  [ -n "$v" ] && pg_lsclusters -h 2>/dev/null | awk -v c="$CLUSTER" -v v="$v" '$1 == v && $2 == c { print $4 }' | grep -q '^online'
}

# psql as the postgres superuser over the Unix socket (peer auth).
psql_super() {
  local args=(env PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h /var/run/postgresql -p "$PORT" "$@")
  if [ "$(id -u)" = 0 ]; then
    env -u PGHOST -u PGUSER -u PGPASSWORD -u PGDATABASE -u PGPORT runuser -u postgres -- "${args[@]}"
  elif [ "$(id -un)" = postgres ]; then
    env -u PGHOST -u PGUSER -u PGPASSWORD -u PGDATABASE -u PGPORT "${args[@]}"
  else
    sudo -u postgres env -u PGHOST -u PGUSER -u PGPASSWORD -u PGDATABASE -u PGPORT "${args[@]}"
  fi
}

cmd_install() {
  if [ -n "$(installed_major)" ] && command -v pg_createcluster >/dev/null 2>&1; then
    log "PostgreSQL $(installed_major) already installed"
    return 0
  fi
  apt_install postgresql
  [ -n "$(installed_major)" ] || die "postgresql installed but no server binary found under /usr/lib/postgresql"
  log "PostgreSQL $(installed_major) installed"
}

# Writes our settings into the cluster's conf.d and pg_hba.conf.
# Prints "restart", "reload" or nothing, depending on what changed.
configure_cluster() {
  local v="$1" confdir="/etc/postgresql/$1/$CLUSTER"
  local conf="$confdir/conf.d/90-grassroots.conf" hba="$confdir/pg_hba.conf" tmp change=""
  local preload=""
  [ -e "/usr/lib/postgresql/$v/lib/pg_stat_statements.so" ] && preload="shared_preload_libraries = 'pg_stat_statements'"
  tmp="$(mktemp)"
  cat >"$tmp" <<CONF
# Written by infra/postgres.sh -- local development / CI cluster only.
listen_addresses = '127.0.0.1'
port = $PORT
max_connections = 200
password_encryption = 'scram-sha-256'
# Durability is traded for speed: acceptable for a throwaway dev/CI cluster,
# NEVER for production (a crash can corrupt data).
fsync = off
synchronous_commit = off
full_page_writes = off
$preload
pg_stat_statements.track = all
# Whole statements in pg_stat_activity (default 1 kB): the benchmark's EXPLAIN at scale reads them there.
track_activity_query_size = 16384
CONF
  as_root mkdir -p "$confdir/conf.d"
  if ! cmp -s "$tmp" "$conf" 2>/dev/null; then
    as_root install -m 0644 -o postgres -g postgres "$tmp" "$conf"
    change=restart
  fi
  rm -f "$tmp"
  # Password auth over TCP from 127.0.0.1 (Debian's default already has it; make sure).
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+(scram-sha-256|md5)' "$hba"; then
    as_root sed -i '1i host    all    all    127.0.0.1/32    scram-sha-256   # added by infra/postgres.sh' "$hba"
    [ -z "$change" ] && change=reload
  fi
  printf '%s' "$change"
}

provision() {
  local svc sql
  # pg_signal_backend: DROP DATABASE ... WITH (FORCE) of a test database must be able to end an
  # autovacuum worker that happens to be in it (its backend has no role the admin belongs to).
  sql="DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ADMIN_ROLE') THEN CREATE ROLE $ADMIN_ROLE; END IF;
END \$\$;
ALTER ROLE $ADMIN_ROLE LOGIN NOSUPERUSER CREATEDB CREATEROLE PASSWORD '$ADMIN_PASSWORD';
GRANT pg_read_all_stats, pg_read_all_settings, pg_signal_backend TO $ADMIN_ROLE;
"
  for svc in "${SERVICES[@]}"; do
    sql+="DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'grassroots_$svc') THEN CREATE ROLE grassroots_$svc; END IF;
END \$\$;
ALTER ROLE grassroots_$svc LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD 'grassroots_$svc';
GRANT grassroots_$svc TO $ADMIN_ROLE;
SELECT 'CREATE DATABASE grassroots_$svc OWNER grassroots_$svc'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'grassroots_$svc') \\gexec
ALTER DATABASE grassroots_$svc OWNER TO grassroots_$svc;
"
  done
  # pg_stat_statements view, for benchmarks (stats cover all databases).
  if psql_super -d postgres -Atc "SHOW shared_preload_libraries" | grep -q pg_stat_statements; then
    sql+="CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
"
  fi
  printf '%s' "$sql" | psql_super -d postgres >/dev/null || die "provisioning roles/databases failed"
}

check_login() {
  local user="$1" pass="$2" db="$3"
  PGPASSWORD="$pass" psql -X -w -h 127.0.0.1 -p "$PORT" -U "$user" -d "$db" -Atc 'select 1' >/dev/null 2>&1
}

cmd_start() {
  local v change
  v="$(cluster_version)"
  if [ -z "$v" ]; then
    v="$(installed_major)"
    if [ -z "$v" ] || ! command -v pg_createcluster >/dev/null 2>&1; then
      die "PostgreSQL is not installed: run infra/postgres.sh install"
    fi
    if port_open 127.0.0.1 "$PORT"; then
      die "port $PORT is already taken by another process ($(port_owner "$PORT")); cannot create cluster $CLUSTER"
    fi
    log "creating cluster $v/$CLUSTER on port $PORT"
    as_root pg_createcluster "$v" "$CLUSTER" -p "$PORT" >/dev/null \
      || die "pg_createcluster $v $CLUSTER -p $PORT failed"
  fi
  change="$(configure_cluster "$v")"

  if cluster_online "$v"; then
    case "$change" in
      restart) log "configuration changed: restarting $v/$CLUSTER"
               as_root timeout 90 pg_ctlcluster "$v" "$CLUSTER" restart -m fast || die "restart failed; see /var/log/postgresql/postgresql-$v-$CLUSTER.log" ;;
      reload)  as_root pg_ctlcluster "$v" "$CLUSTER" reload ;;
      *)       log "cluster $v/$CLUSTER already running" ;;
    esac
  else
    if port_open 127.0.0.1 "$PORT"; then
      die "port $PORT is already taken by another process ($(port_owner "$PORT")); cannot start cluster $v/$CLUSTER"
    fi
    log "starting cluster $v/$CLUSTER"
    as_root timeout 90 pg_ctlcluster "$v" "$CLUSTER" start \
      || die "pg_ctlcluster $v $CLUSTER start failed; last log lines:
$(tail -n 20 "/var/log/postgresql/postgresql-$v-$CLUSTER.log" 2>/dev/null)"
  fi

  local i
  for ((i = 0; i < START_TIMEOUT; i++)); do
    pg_isready -q -h 127.0.0.1 -p "$PORT" -t 1 && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$PORT" -t 1 \
    || die "cluster $v/$CLUSTER not accepting connections on 127.0.0.1:$PORT after ${START_TIMEOUT}s"

  provision
  check_login "$ADMIN_ROLE" "$ADMIN_PASSWORD" postgres \
    || die "password login as $ADMIN_ROLE over TCP 127.0.0.1:$PORT failed (check pg_hba.conf)"
  for svc in "${SERVICES[@]}"; do
    check_login "grassroots_$svc" "grassroots_$svc" "grassroots_$svc" \
      || die "password login as grassroots_$svc to database grassroots_$svc failed"
  done
  log "ready: postgresql://$ADMIN_ROLE@127.0.0.1:$PORT (cluster $v/$CLUSTER; databases: $(printf "grassroots_%s " "${SERVICES[@]}"| sed "s/ $//"))"
}

cmd_stop() {
  local v
  v="$(cluster_version)"
  if [ -z "$v" ]; then log "cluster $CLUSTER does not exist; nothing to stop"; return 0; fi
  if ! cluster_online "$v"; then log "cluster $v/$CLUSTER already stopped"; return 0; fi
  log "stopping cluster $v/$CLUSTER"
  as_root timeout 90 pg_ctlcluster "$v" "$CLUSTER" stop -m fast || die "stopping cluster $v/$CLUSTER failed"
  log "stopped"
}

cmd_status() {
  local v pid
  v="$(cluster_version)"
  if [ -z "$v" ]; then echo "postgres: stopped (cluster $CLUSTER not created)"; return 3; fi
  if cluster_online "$v"; then
    pid="$(as_root head -n1 "/var/lib/postgresql/$v/$CLUSTER/postmaster.pid" 2>/dev/null || true)"
    echo "postgres: running (cluster $v/$CLUSTER, 127.0.0.1:$PORT, pid ${pid:-?})"
  else
    echo "postgres: stopped (cluster $v/$CLUSTER, port $PORT)"
    return 3
  fi
}

case "${1:-}" in
  install) cmd_install ;;
  start)   cmd_start ;;
  stop)    cmd_stop ;;
  status)  cmd_status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
