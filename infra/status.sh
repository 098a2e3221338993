#!/usr/bin/env bash
# Prints the state of PostgreSQL, Kafka and Redis. Exit 0 when all run, 3 otherwise.
set -uo pipefail
LOG_TAG=status
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

rc=0
"$INFRA_DIR/postgres.sh" status || rc=3
"$INFRA_DIR/kafka.sh" status || rc=3
"$INFRA_DIR/redis.sh" status || rc=3
exit $rc
