#!/usr/bin/env bash
# The longest fault and fuzz runs of issue 14 at full size, beside the README's test command (which
# runs them smaller to stay under 60 minutes): 10,000 writes through the gateway while a broker of the
# test's own is killed -9 five times, and 1,000 generated inputs for every mutation of every service.
# Needs a build and the shared PostgreSQL and Kafka (infra/up.sh). Prints each run's figures.
#   bash infra/chaos.sh            both
#   bash infra/chaos.sh broker     the broker kills only
#   bash infra/chaos.sh fuzz       the fuzzing only
set -euo pipefail
LOG_TAG=chaos
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

what="${1:-all}"
files=()
case "$what" in
  all) files=(test/e2e/chaos-broker.e2e.test.ts test/e2e/fuzz-mutations.e2e.test.ts) ;;
  broker) files=(test/e2e/chaos-broker.e2e.test.ts) ;;
  fuzz) files=(test/e2e/fuzz-mutations.e2e.test.ts) ;;
  *) die "usage: infra/chaos.sh [all|broker|fuzz]" ;;
esac

"$INFRA_DIR/up.sh"
started=$(date +%s)
cd "$ROOT/gateway"
CHAOS_WRITES="${CHAOS_WRITES:-10000}" FUZZ_RUNS="${FUZZ_RUNS:-1000}" \
  pnpm exec jest --runInBand "${files[@]}"
log "done in $(( $(date +%s) - started )) s"
