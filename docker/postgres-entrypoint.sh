#!/bin/bash
# Entrypoint of docker/Dockerfile.postgres. On the first start (empty PGDATA): initdb with POSTGRES_USER (superuser;
# POSTGRES_PASSWORD, or a random one when none is given: the superuser is only needed through the local socket, e.g.
# `podman exec ... psql -h /tmp -U postgres`), create POSTGRES_DB, run /docker-entrypoint-initdb.d/*.sql in it on a
# server that listens on no TCP port. Every start, on that same private server: with SEMSEARCH_APP_USER, the
# service's own role (login, no superuser, no role or database creation) is made if missing, given
# SEMSEARCH_APP_PASSWORD (required with it) and made owner of the schema public of POSTGRES_DB, where its
# migrations create everything. Then exec postgres listening on all addresses, password (scram) required over TCP.
# Extra arguments are passed to postgres (e.g. -c shared_buffers=256MB).
set -euo pipefail

PGBIN="/usr/lib/postgresql/${PG_MAJOR:-15}/bin"
: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
APP_USER="${SEMSEARCH_APP_USER:-}"
SOCKETS=/tmp

log() { printf 'postgres-entrypoint: %s\n' "$*"; }

if [[ -n "$APP_USER" && -z "${SEMSEARCH_APP_PASSWORD:-}" ]]; then
  log "ERROR: SEMSEARCH_APP_PASSWORD (from SEMSEARCH_DB_PASSWORD) must be set for the service's role $APP_USER" >&2
  exit 1
fi

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  if [[ -z "${POSTGRES_PASSWORD:-}" ]]; then
    POSTGRES_PASSWORD="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
    log "no POSTGRES_PASSWORD: the superuser $POSTGRES_USER gets a random one (reach it through the local socket)"
  fi
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

if [[ -n "$APP_USER" ]]; then
  "$PGBIN/pg_ctl" -D "$PGDATA" -w -s -o "-c listen_addresses='' -c unix_socket_directories=$SOCKETS" start
  # A volume made before the service had a role of its own has no POSTGRES_USER role: its superuser is the service's.
  admin="$POSTGRES_USER"
  psql -X -q -h "$SOCKETS" -U "$admin" -d postgres -c 'select 1' >/dev/null 2>&1 || admin="$APP_USER"
  psql -X -q -tA -v ON_ERROR_STOP=1 -h "$SOCKETS" -U "$admin" -d "$POSTGRES_DB" \
    -v u="$APP_USER" -v p="$SEMSEARCH_APP_PASSWORD" -v db="$POSTGRES_DB" >/dev/null <<'SQL'
select format('create role %I login nosuperuser nocreatedb nocreaterole noreplication', :'u')
  where not exists (select 1 from pg_roles where rolname = :'u') \gexec
select format('alter role %I login password %L', :'u', :'p') \gexec
select format('grant connect, temporary on database %I to %I', :'db', :'u') \gexec
select format('alter schema public owner to %I', :'u') \gexec
SQL
  if [[ "$(psql -X -q -tA -h "$SOCKETS" -U "$admin" -d postgres -v u="$APP_USER" \
      <<<"select rolsuper from pg_roles where rolname = :'u'")" == "t" ]]; then
    log "WARNING: the service's role $APP_USER is a superuser: this volume was initialised before the service had a" \
      "role of its own; it works as before, but to drop that power make a new volume (dump and restore the data)"
  fi
  "$PGBIN/pg_ctl" -D "$PGDATA" -w -s -m fast stop
fi

exec "$PGBIN/postgres" -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories="$SOCKETS" "$@"
