#!/usr/bin/env bash
# Makes sure Node 20+ and the pnpm version named in package.json are present, then installs the
# workspace's packages from the lockfile. Safe to run repeatedly.
set -euo pipefail
LOG_TAG=toolchain
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

command -v node >/dev/null 2>&1 || die "node missing: install Node.js 20 (e.g. apt-get install nodejs) and run again"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || die "Node.js $(node --version) is too old: 20 or newer is needed"

want=$(node -p "require('$ROOT/package.json').packageManager.split('@')[1]")
have=$(pnpm --version 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  log "installing pnpm $want (found: ${have:-none})"
  npm install -g --silent "pnpm@$want" >/dev/null || die "could not install pnpm $want from the npm registry"
fi

cd "$ROOT"
export TURBO_TELEMETRY_DISABLED=1
log "pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile --reporter=silent || die "pnpm install failed"
