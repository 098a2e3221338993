# shellcheck shell=bash
# Source me:  . infra/env.sh
# Exports connection defaults for the local PostgreSQL cluster, Kafka broker and Redis
# started by infra/up.sh. A variable that is already set is left alone.

# Works when sourced from bash or zsh; plain sh cannot tell where a sourced file
# lives, so there GRASSROOTS_ROOT falls back to the enclosing git work tree.
if [ -n "${BASH_VERSION:-}" ]; then
  eval '_grassroots_env_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"'
elif [ -n "${ZSH_VERSION:-}" ]; then
  eval '_grassroots_env_dir="$(cd -- "$(dirname -- "${(%):-%x}")" && pwd)"'
else
  _grassroots_env_dir="$(git rev-parse --show-toplevel 2>/dev/null || pwd)/infra"
fi

: "${GRASSROOTS_ROOT:=$(cd -- "$_grassroots_env_dir/.." && pwd)}"
: "${PGHOST:=127.0.0.1}"
: "${PGPORT:=5433}"
: "${PGUSER:=grassroots_admin}"
: "${PGPASSWORD:=grassroots_admin}"
: "${KAFKA_BROKERS:=127.0.0.1:19092}"
: "${REDIS_URL:=redis://127.0.0.1:6380}"

export GRASSROOTS_ROOT PGHOST PGPORT PGUSER PGPASSWORD KAFKA_BROKERS REDIS_URL
unset _grassroots_env_dir
