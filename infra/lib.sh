# shellcheck shell=bash
# Helpers shared by the infra/*.sh scripts (sourced, not executed).

INFRA_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
# The scripts always work on the checkout they live in, whatever the caller exported.
GRASSROOTS_ROOT="$(cd -- "$INFRA_DIR/.." && pwd)"
# shellcheck source=infra/env.sh
. "$INFRA_DIR/env.sh"
ROOT="$GRASSROOTS_ROOT"
# shellcheck disable=SC2034  # used by the scripts that source this file
LOCAL_DIR="$ROOT/.local"

log()  { printf '[%s] %s\n' "${LOG_TAG:-infra}" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "${LOG_TAG:-infra}" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "${LOG_TAG:-infra}" "$*" >&2; exit 1; }

# Run a command with root rights (we are root in CI; otherwise try sudo).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*  (not root and sudo is missing)"
  fi
}

_pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

_apt_lists_present() { compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null; }

# apt_install PKG...: installs the missing ones; runs `apt-get update` only
# when something must be installed and the package lists are absent or stale.
apt_install() {
  local missing=() p
  for p in "$@"; do _pkg_installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install manually: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -y -q -o DPkg::Lock::Timeout=120)
  if ! _apt_lists_present; then
    log "apt-get update (package lists missing)"
    as_root "${apt[@]}" update >/dev/null || die "apt-get update failed"
  fi
  log "apt-get install ${missing[*]}"
  if ! as_root "${apt[@]}" install --no-install-recommends "${missing[@]}" >/dev/null; then
    log "install failed; apt-get update and retry"
    as_root "${apt[@]}" update >/dev/null || die "apt-get update failed"
    as_root "${apt[@]}" install --no-install-recommends "${missing[@]}" >/dev/null \
      || die "apt-get install ${missing[*]} failed"
  fi
}

# port_open HOST PORT: true if something accepts TCP connections there.
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# port_owner PORT: best-effort description of who listens on PORT.
port_owner() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(\(.*\))/\1/p' | head -n1
  fi
}
