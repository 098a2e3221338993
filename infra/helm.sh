#!/usr/bin/env bash
# Builds Helm from the Go module proxy into <root>/.local/bin/helm and prints that path on stdout.
# There is no Debian package for Helm and no binary download reaches this machine, so
# `go install helm.sh/helm/v3/cmd/helm@<version>` it is. Idempotent: a helm of the wanted version
# already there is reused. Concurrent callers are serialised by a lock. Needs Go (>= 1.24).
# Override the version with HELM_VERSION=v3.x.y.
set -euo pipefail
LOG_TAG=helm
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

HELM_VERSION="${HELM_VERSION:-v3.22.0}"
# The Kubernetes version Helm assumes when it has no cluster (helm lint/template capabilities and
# deprecation checks). Helm's Makefile sets it from its client-go module (v0.37 -> 1.37 for v3.22);
# a bare `go install` would leave it at 1.20. Keep the pair in step when changing HELM_VERSION.
HELM_K8S_MINOR="${HELM_K8S_MINOR:-37}"
BIN_DIR="$LOCAL_DIR/bin"
HELM="$BIN_DIR/helm"

have_version() {
  [ -x "$HELM" ] && [ "$("$HELM" version --template '{{.Version}}' 2>/dev/null)" = "$HELM_VERSION" ]
}

mkdir -p "$BIN_DIR"
if ! have_version; then
  command -v go >/dev/null 2>&1 || die "go not found: Helm is built from the Go module proxy (install Go 1.24 or newer)"
  exec 9>"$BIN_DIR/.helm.lock"
  flock -w 900 9 || die "timed out waiting for another helm build"
  if ! have_version; then
    log "building helm $HELM_VERSION from the Go module proxy (a few minutes the first time)"
    tmp=$(mktemp -d "$BIN_DIR/.helm-build.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    # CGO off: a static binary, no C toolchain needed. -trimpath: reproducible paths. The -X flags
    # are those of Helm's own Makefile (version string, default Kubernetes version).
    ldflags="-w -s -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
    for pkg in pkg/lint/rules pkg/chartutil; do
      ldflags+=" -X helm.sh/helm/v3/$pkg.k8sVersionMajor=1 -X helm.sh/helm/v3/$pkg.k8sVersionMinor=$HELM_K8S_MINOR"
    done
    CGO_ENABLED=0 GOBIN="$tmp" GOFLAGS="${GOFLAGS:-} -trimpath" \
      go install -ldflags "$ldflags" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2 || die "go install helm.sh/helm/v3/cmd/helm@$HELM_VERSION failed"
    mv -f "$tmp/helm" "$HELM"
    have_version || die "built $HELM but it does not report $HELM_VERSION"
    log "helm $("$HELM" version --short) at $HELM"
  fi
fi
echo "$HELM"
