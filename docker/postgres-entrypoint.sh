#!/bin/bash
# Entrypoint of docker/Dockerfile.postgres. On the first start (empty PGDATA): initdb with POSTGRES_USER (superuser)
# and POSTGRES_PASSWORD, create POSTGRES_DB, run /docker-entrypoint-initdb.d/*.sql in it on a server that listens on
# no TCP port, then stop that server. Every start: exec postgres listening on all addresses, password (scram)
# required over TCP. Extra arguments are passed to postgres (e.g. -c shared_buffers=256MB).
set -euo pipefail

PGBIN="/usr/lib/postgresql/${PG_MAJOR:-15}/bin"
: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
SOCKETS=/tmp

log() { printf 'postgres-entrypoint: %s\n' "$*"; }

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  [[ -n "${POSTGRES_PASSWORD:-}" ]] || { log "ERROR: POSTGRES_PASSWORD must be set to initialise the database" >&2; exit 1; }
  log "initialising $PGDATA (superuser $POSTGRES_USER, database $POSTGRES_DB)"
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  "$PGBIN/initdb" -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  printf '%s\n' "# docker/postgres-entrypoint.sh: containers reach the server over the container network" \
    "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  "$PGBIN/pg_ctl" -D "$PGDATA" -w -s -o "-c listen_addresses='' -c unix_socket_directories=$SOCKETS" start
  psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$SOCKETS" -U "$POSTGRES_USER")
  if [[ "$POSTGRES_DB" != "postgres" ]]; then
    "${psql[@]}" -d postgres -v db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
  fi
  shopt -s nullglob
  for f in /docker-entrypoint-initdb.d/*.sql; do
    log "running $f"
    "${psql[@]}" -d "$POSTGRES_DB" -f "$f"
  done
  "$PGBIN/pg_ctl" -D "$PGDATA" -w -s -m fast stop
  log "initialised"
fi

exec "$PGBIN/postgres" -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories="$SOCKETS" "$@"
