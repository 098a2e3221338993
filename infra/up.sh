#!/usr/bin/env bash
# Installs what is missing and starts PostgreSQL, Kafka and Redis, then provisions the
# Kafka topics when packages/events has been built. Safe to run repeatedly.
set -euo pipefail
LOG_TAG=up
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

"$INFRA_DIR/postgres.sh" install
"$INFRA_DIR/postgres.sh" start
"$INFRA_DIR/kafka.sh" install
"$INFRA_DIR/kafka.sh" start
"$INFRA_DIR/kcat.sh" install
"$INFRA_DIR/redis.sh" install
"$INFRA_DIR/redis.sh" start
# jq: infra/backup.sh and restore.sh write and read their manifest with it
command -v jq >/dev/null 2>&1 || apt_install jq

PROVISION="$ROOT/packages/events/dist/cli/provision-topics.js"
if [ -f "$PROVISION" ]; then
  command -v node >/dev/null 2>&1 || die "node missing: cannot run $PROVISION"
  log "provisioning topics: node packages/events/dist/cli/provision-topics.js"
  node "$PROVISION" || die "topic provisioning failed ($PROVISION)"
else
  log "skipping topic provisioning (packages/events not built: no dist/cli/provision-topics.js)"
fi

cat <<SUMMARY
[up] ready
  PostgreSQL  $PGHOST:$PGPORT   admin $PGUSER/$PGPASSWORD; databases grassroots_<service> (role = password = database name)
  Kafka       $KAFKA_BROKERS  (KRaft single node; data in .local/kafka/data, logs in .local/kafka/logs)
  Redis       $REDIS_URL  (the gateway's shared response cache; no persistence; log in .local/redis)
  Use:        . infra/env.sh   to get PGHOST PGPORT PGUSER PGPASSWORD KAFKA_BROKERS REDIS_URL GRASSROOTS_ROOT
SUMMARY
