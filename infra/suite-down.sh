#!/usr/bin/env bash
# Stops the gateway and the subgraphs infra/suite-up.sh started (SIGTERM: they drain first);
# without --services-only also stops Kafka and PostgreSQL.
set -euo pipefail
LOG_TAG=suite
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
RUN_DIR="$LOCAL_DIR/run"

for pidfile in "$RUN_DIR"/*.pid; do
  [ -e "$pidfile" ] || continue
  name=$(basename "$pidfile" .pid)
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name ($pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pidfile"
done
[ "${1:-}" = "--services-only" ] || "$INFRA_DIR/down.sh"
