#!/usr/bin/env bash
# Brings the whole suite up locally from a fresh clone: toolchain and packages, PostgreSQL and
# Kafka, build, migrations and the Ordos seed, every subgraph listed in gateway/subgraphs.json,
# then the gateway. Prints where to point a client and development tokens. Safe to run again:
# services already running are restarted with the new build.
set -euo pipefail
LOG_TAG=suite
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
export TURBO_TELEMETRY_DISABLED=1
RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$LOCAL_DIR/logs"
mkdir -p "$RUN_DIR" "$LOG_DIR"

"$INFRA_DIR/toolchain.sh"
log "build"
pnpm exec turbo run build --output-logs=errors-only
"$INFRA_DIR/up.sh" >/dev/null
"$INFRA_DIR/suite-down.sh" --services-only

set -a
# shellcheck source=infra/dev.env
. "$INFRA_DIR/dev.env"
set +a

wait_ready() { # name url
  local i
  for i in $(seq 1 60); do
    if curl -fsS "$2" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  die "$1 did not become ready within 60 s; see $LOG_DIR/$1.log"
}

start() { # name port dir (DATABASE_URL in the environment for subgraphs)
  local name=$1 port=$2 dir=$3
  if port_open 127.0.0.1 "$port"; then
    die "port $port is taken by another process ($(port_owner "$port")): stop it, then run again"
  fi
  log "starting $name on :$port (log: .local/logs/$name.log)"
  # exec: the pid recorded is node's own, so suite-down's SIGTERM reaches the server, not a shell.
  (cd "$dir" && PORT=$port exec nohup node dist/main.js) >>"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
  wait_ready "$name" "http://127.0.0.1:$port/health/ready"
}

# name and port of every subgraph, from the gateway's list
mapfile -t SUBGRAPHS < <(node -e '
  for (const s of require("./gateway/subgraphs.json")) console.log(`${s.name} ${new URL(s.url).port}`);')

db_url() { echo "postgres://grassroots_$1:grassroots_$1@$PGHOST:$PGPORT/grassroots_$1"; }

# Migrate and start every subgraph first, then seed in list order: a service learns the others'
# data from their events, so each seed runs while every consumer is up.
for line in "${SUBGRAPHS[@]}"; do
  read -r name port <<<"$line"
  dir="services/$name"
  [ -f "$dir/dist/main.js" ] || die "services/$name is not built"
  log "migrating $name"
  (cd "$dir" && DATABASE_URL=$(db_url "$name") node dist/db/migrate.js >>"$LOG_DIR/$name.log" 2>&1) \
    || die "migrations of $name failed; see $LOG_DIR/$name.log"
  DATABASE_URL=$(db_url "$name") start "$name" "$port" "$dir"
done
# The year finance's award round is computed for: evaluation's seed publishes the city's assessment
# of it too (finance's programme years are the one place it is written).
AWARDS="$ROOT/services/finance/dist/cli/seed-awards.js"
for line in "${SUBGRAPHS[@]}"; do
  read -r name _ <<<"$line"
  dir="services/$name"
  [ -f "$dir/dist/cli/seed.js" ] || continue
  args=()
  if [ "$name" = evaluation ] && [ -f "$AWARDS" ]; then
    args=(--assessment-years "$(node "$AWARDS" --print-year)")
  fi
  log "seeding $name${args[*]:+ ${args[*]}} (log: .local/logs/$name-seed.log)"
  (cd "$dir" && DATABASE_URL=$(db_url "$name") node dist/cli/seed.js "${args[@]}" >>"$LOG_DIR/$name-seed.log" 2>&1) \
    || die "seed of $name failed; see $LOG_DIR/$name-seed.log"
done
# Second pass: finance seeds before evaluation (list order), so its award round waits (bounded) for
# evaluation's published results to arrive by events, then is computed, approved and paid.
if [ -f "$AWARDS" ]; then
  log "seeding finance's award round (log: .local/logs/finance-seed.log)"
  (cd services/finance && DATABASE_URL=$(db_url finance) node dist/cli/seed-awards.js >>"$LOG_DIR/finance-seed.log" 2>&1) \
    || die "the award round seed of finance failed; see $LOG_DIR/finance-seed.log"
fi
start gateway 4000 gateway

cat <<SUMMARY

Grassroots is up (in ${SECONDS} s).
  GraphQL endpoint   http://127.0.0.1:4000/graphql
  GraphQL IDE        http://127.0.0.1:4000/ide   (paste a token below)
  Logs               .local/logs/     Stop: bash infra/suite-down.sh

Development tokens (HS256, dev secret; one per role):
SUMMARY
(cd gateway && node dist/cli/mint-token.js --all)
cat <<'EXAMPLE'

One query per requirement area to try. Put the tokens above in the shell first, e.g.
  export CITY_ADMIN=<the CITY_ADMIN token>  BANNER_ADMIN=<the BANNER_ADMIN token (达拉特旗)>

EXAMPLE
(cd gateway && node dist/cli/try-queries.js)
