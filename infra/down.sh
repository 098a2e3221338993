#!/usr/bin/env bash
# Stops Redis, Kafka and the PostgreSQL "grassroots" cluster (data is kept). Safe to run repeatedly.
set -euo pipefail
LOG_TAG=down
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

rc=0
"$INFRA_DIR/k8s.sh" stop || rc=1
"$INFRA_DIR/redis.sh" stop || rc=1
"$INFRA_DIR/kafka.sh" stop || rc=1
"$INFRA_DIR/postgres.sh" stop || rc=1
exit $rc
