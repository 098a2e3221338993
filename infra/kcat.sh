#!/usr/bin/env bash
# kcat (formerly kafkacat), a non-JavaScript Kafka client for checking what
# integrators see:  kcat -b 127.0.0.1:19092 -C -t <topic> -e -f '%k %h %s\n'
#   infra/kcat.sh install   apt-get install kcat if missing (idempotent)
set -euo pipefail
LOG_TAG=kcat
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-}" in
  install)
    if command -v kcat >/dev/null 2>&1; then log "already installed ($(command -v kcat))"; exit 0; fi
    apt_install kcat
    command -v kcat >/dev/null 2>&1 || die "kcat package installed but no kcat binary in PATH"
    log "installed $(command -v kcat)" ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
