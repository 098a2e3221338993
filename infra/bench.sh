#!/usr/bin/env bash
# The local benchmark at city scale in one command: toolchain, build, PostgreSQL and Kafka, then
# load-tests' runner, which starts the whole suite itself on throwaway databases (the testing
# package's startSuite: own topic prefix, 127.0.0.1 only), generates the city data through the
# services' own seeds, runs every scenario, and prints the report (also written to load-tests/reports/).
#   bash infra/bench.sh [--runs 2] [--wait-quiet-minutes 40] [--duration 10] [--scenarios a,b]
set -euo pipefail
LOG_TAG=bench
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
export TURBO_TELEMETRY_DISABLED=1

"$INFRA_DIR/toolchain.sh"
log "build"
pnpm exec turbo run build --output-logs=errors-only
"$INFRA_DIR/up.sh" >/dev/null
log "benchmark (progress on stderr, report on stdout)"
exec node load-tests/dist/cli/bench.js "$@"
