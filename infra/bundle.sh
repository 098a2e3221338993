#!/usr/bin/env bash
# Builds the pruned deployable bundle of one workspace package: its compiled code, its production
# dependencies (workspace packages copied in, not linked) and nothing else. What a container image
# ships; the Dockerfile (infra/docker/Dockerfile) runs this same script.
#
#   infra/bundle.sh <name> [out]     name: gateway, a service (organization, personnel, ...),
#                                    or any workspace package (events, @grassroots/kit, ...)
#   out defaults to <root>/.local/bundles/<name>; the last line printed (stdout) is its path.
#   BUNDLE_SKIP_BUILD=1 skips the turbo build (when the caller has just built).
#
# Start it with `node dist/main.js` in <out> (services) — no pnpm or turbo needed there.
#
# pnpm 10 refuses a plain `pnpm deploy` unless the workspace sets inject-workspace-packages=true,
# a setting that changes how every workspace dependency is installed (and the lockfile). `--legacy`
# keeps the workspace as it is and copies the workspace dependencies into the bundle's own
# node_modules/.pnpm instead. Nothing here writes outside <out> and the packages' dist/.
set -euo pipefail
LOG_TAG=bundle
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

[ $# -ge 1 ] || die "usage: infra/bundle.sh <name> [out]"
name="${1#@grassroots/}"
pkg="@grassroots/$name"
out="${2:-$LOCAL_DIR/bundles/$name}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

cd "$ROOT"
dir=$(pnpm --filter "$pkg" exec pwd 2>/dev/null | head -n1 || true)
if [ -z "$dir" ] || [ ! -f "$dir/package.json" ]; then die "no workspace package $pkg"; fi

if [ "${BUNDLE_SKIP_BUILD:-}" != 1 ]; then
  log "build $pkg and what it depends on"
  mkdir -p "$LOCAL_DIR/bundles"
  build_log="$LOCAL_DIR/bundles/$name.build.log"
  TURBO_TELEMETRY_DISABLED=1 pnpm exec turbo run build --filter="$pkg..." --output-logs=errors-only >"$build_log" 2>&1 \
    || { cat "$build_log" >&2; die "build of $pkg failed"; }
  rm -f "$build_log"
fi
[ -d "$dir/dist" ] || die "$pkg has no dist/: build it first"

log "pnpm deploy --legacy --prod $pkg -> $out"
rm -rf "$out"
mkdir -p "$(dirname -- "$out")"
# --prefer-offline, not --offline: the packages are in the store after `pnpm install`, but a
# `pnpm install --frozen-lockfile` into an empty cache leaves no package metadata there, and deploy
# resolves the ranges of package.json again: --offline then fails (ERR_PNPM_NO_OFFLINE_META) on a new
# machine. The lockfile pins the versions either way; this only lets deploy fetch missing metadata.
pnpm --filter "$pkg" deploy --legacy --prod --prefer-offline --config.confirmModulesPurge=false "$out" >"$out.log" 2>&1 \
  || { cat "$out.log" >&2; die "pnpm deploy failed for $pkg"; }
rm -f "$out.log"

# Prune what only development needs, in the package and in each copied workspace package:
# sources, tests, build and test configs, turbo logs. dist/ (with its source maps) and data the
# code reads at run time (gateway/ide, supergraph.graphql, ...) stay.
prune() {
  local d="$1"
  rm -rf "$d/src" "$d/test" "$d/.turbo" "$d/coverage"
  rm -f "$d"/tsconfig*.json "$d"/jest.config.* "$d"/*.tsbuildinfo "$d"/dist/*.tsbuildinfo
}
prune "$out"
for d in "$out"/node_modules/.pnpm/@grassroots+*/node_modules/@grassroots/*; do
  [ -d "$d" ] && prune "$d"
done

log "$pkg bundle: $(du -sh "$out" | cut -f1) at $out"
echo "$out"
