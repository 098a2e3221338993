# shellcheck shell=bash
# Source me:  . infra/env.sh
# Exports connection defaults for the local PostgreSQL cluster and Kafka broker
# started by infra/up.sh. A variable that is already set is left alone.

_grassroots_env_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]:-$0}")" && pwd)"

: "${GRASSROOTS_ROOT:=$(cd -- "$_grassroots_env_dir/.." && pwd)}"
: "${PGHOST:=127.0.0.1}"
: "${PGPORT:=5433}"
: "${PGUSER:=grassroots_admin}"
: "${PGPASSWORD:=grassroots_admin}"
: "${KAFKA_BROKERS:=127.0.0.1:19092}"

export GRASSROOTS_ROOT PGHOST PGPORT PGUSER PGPASSWORD KAFKA_BROKERS
unset _grassroots_env_dir
