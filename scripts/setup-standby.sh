#!/usr/bin/env bash
# Creates (idempotently) a PostgreSQL 15 streaming standby of a local primary cluster, on another port of this
# machine, for read replicas (docs/scaling.md): pg_basebackup of the primary, then WAL streamed from it.
#
#   SEMSEARCH_STANDBY_OF_PORT        port of the primary cluster          (default: 5432)
#   SEMSEARCH_STANDBY_PORT           port of the standby                  (default: 5442)
#   SEMSEARCH_STANDBY_CLUSTER        Debian cluster name of the standby   (default: standby<port>)
#   SEMSEARCH_REPLICATION_USER       replication role on the primary      (default: semsearch_replication)
#   SEMSEARCH_REPLICATION_PASSWORD   its password                         (default: semsearch_replication)
#   SEMSEARCH_READ_USER              read-only role for the service's reads (default: semsearch_reader)
#   SEMSEARCH_READ_PASSWORD          its password                         (default: semsearch_reader)
#
# On the primary it only adds what streaming needs and a reload applies (a replication role and one pg_hba.conf
# line); it never restarts it. It refuses to touch an existing cluster on the standby port that is not a standby.
# Needs root (or password-less sudo), and the primary's wal_level replica or logical and max_wal_senders > 0 (the
# defaults). Then point the service's reads at it, as the read-only role (made on the primary, so on the standby too;
# it reads every table through pg_read_all_data and writes nothing, even on the primary):
#   SEMSEARCH_DATASOURCE_READ_URL=jdbc:postgresql://127.0.0.1:<port>/<db> SEMSEARCH_DATASOURCE_READ_USERNAME=semsearch_reader
#   SEMSEARCH_DATASOURCE_READ_PASSWORD=<its password>
set -euo pipefail

PG_MAJOR=15
PRIMARY_PORT="${SEMSEARCH_STANDBY_OF_PORT:-5432}"
STANDBY_PORT="${SEMSEARCH_STANDBY_PORT:-5442}"
STANDBY_CLUSTER="${SEMSEARCH_STANDBY_CLUSTER:-standby${STANDBY_PORT}}"
REPLICATION_USER="${SEMSEARCH_REPLICATION_USER:-semsearch_replication}"
REPLICATION_PASSWORD="${SEMSEARCH_REPLICATION_PASSWORD:-semsearch_replication}"
READ_USER="${SEMSEARCH_READ_USER:-semsearch_reader}"
READ_PASSWORD="${SEMSEARCH_READ_PASSWORD:-semsearch_reader}"

log() { printf 'setup-standby: %s\n' "$*"; }
die() { printf 'setup-standby: ERROR: %s\n' "$*" >&2; exit 1; }

if [[ "$(id -u)" -eq 0 ]]; then
  as_postgres() { runuser -u postgres -- "$@"; }
  root() { "$@"; }
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_postgres() { sudo -n -u postgres -- "$@"; }
  root() { sudo -n "$@"; }
else
  die "must run as root, or as a user with password-less sudo"
fi
psql_at() { # psql_at PORT [args...]: as the postgres superuser over the local socket
  local port="$1"; shift
  as_postgres env PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres -tA "$@"
}
cluster_field() { # cluster_field NAME COLUMN: a column of pg_lsclusters for the cluster
  pg_lsclusters -h | awk -v v="$PG_MAJOR" -v c="$1" -v f="$2" '$1==v && $2==c {print $f}'
}

pg_isready -q -h 127.0.0.1 -p "$PRIMARY_PORT" || die "no PostgreSQL answers on 127.0.0.1:$PRIMARY_PORT (the primary)"

# ---------------------------------------------------------------- primary: the read-only role of the service's reads
# Made on the primary (roles are cluster-wide and streamed to the standby), also when the standby exists already.
printf '%s\n' \
  "select format('create role %I login password %L', :'u', :'p') where not exists (select 1 from pg_roles where rolname = :'u') \\gexec" \
  "select format('alter role %I login nosuperuser nocreatedb nocreaterole noreplication password %L', :'u', :'p') \\gexec" \
  "select format('alter role %I set default_transaction_read_only = on', :'u') \\gexec" \
  "select format('grant pg_read_all_data to %I', :'u') \\gexec" \
  | psql_at "$PRIMARY_PORT" -v u="$READ_USER" -v p="$READ_PASSWORD" -f - >/dev/null

# ---------------------------------------------------------------- standby already there?
if [[ -n "$(cluster_field "$STANDBY_CLUSTER" 1)" ]]; then
  [[ "$(cluster_field "$STANDBY_CLUSTER" 3)" == "$STANDBY_PORT" ]] \
    || die "cluster $PG_MAJOR/$STANDBY_CLUSTER exists on port $(cluster_field "$STANDBY_CLUSTER" 3), not $STANDBY_PORT"
  if [[ "$(cluster_field "$STANDBY_CLUSTER" 4)" != online* ]]; then
    log "starting standby cluster $PG_MAJOR/$STANDBY_CLUSTER"
    root pg_ctlcluster "$PG_MAJOR" "$STANDBY_CLUSTER" start
  fi
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$STANDBY_PORT" && break; sleep 0.5; done
  [[ "$(psql_at "$STANDBY_PORT" -c 'select pg_is_in_recovery()')" == "t" ]] \
    || die "cluster $PG_MAJOR/$STANDBY_CLUSTER on port $STANDBY_PORT is not a standby; remove it (pg_dropcluster) to let this script make one"
  exit 0
fi
if pg_isready -q -h 127.0.0.1 -p "$STANDBY_PORT"; then
  die "port $STANDBY_PORT is taken by another server"
fi

# ---------------------------------------------------------------- primary: role and pg_hba line
wal_level="$(psql_at "$PRIMARY_PORT" -c 'show wal_level')"
senders="$(psql_at "$PRIMARY_PORT" -c 'show max_wal_senders')"
[[ "$wal_level" != minimal && "$senders" -gt 0 ]] \
  || die "the primary has wal_level=$wal_level, max_wal_senders=$senders: streaming needs replica and > 0 (a restart)"
printf '%s\n' \
  "select format('create role %I login replication password %L', :'u', :'p') where not exists (select 1 from pg_roles where rolname = :'u') \\gexec" \
  "select format('alter role %I login replication password %L', :'u', :'p') \\gexec" \
  | psql_at "$PRIMARY_PORT" -v u="$REPLICATION_USER" -v p="$REPLICATION_PASSWORD" -f - >/dev/null
hba="$(psql_at "$PRIMARY_PORT" -c 'show hba_file')"
line="host replication ${REPLICATION_USER} 127.0.0.1/32 scram-sha-256"
if ! grep -qxF "$line" "$hba"; then
  log "allowing replication connections of $REPLICATION_USER from 127.0.0.1 ($hba) and reloading the primary"
  # before the first 'host' line: pg_hba.conf is read top down
  root sed -i "0,/^host/s//${line//\//\\/}\n&/" "$hba"
  grep -qxF "$line" "$hba" || printf '%s\n' "$line" | root tee -a "$hba" >/dev/null
  psql_at "$PRIMARY_PORT" -c 'select pg_reload_conf()' >/dev/null
fi

# ---------------------------------------------------------------- standby: base backup, then streaming
log "creating standby cluster $PG_MAJOR/$STANDBY_CLUSTER on port $STANDBY_PORT (base backup of port $PRIMARY_PORT)"
root pg_createcluster --encoding=UTF8 --locale=C.UTF-8 -p "$STANDBY_PORT" "$PG_MAJOR" "$STANDBY_CLUSTER" >/dev/null
datadir="$(cluster_field "$STANDBY_CLUSTER" 6)"
[[ -n "$datadir" && -d "$datadir" ]] || die "no data directory for cluster $PG_MAJOR/$STANDBY_CLUSTER"
root find "$datadir" -mindepth 1 -delete
as_postgres env PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" \
  -U "$REPLICATION_USER" -D "$datadir" --write-recovery-conf --wal-method=stream --checkpoint=fast \
  || { root pg_dropcluster "$PG_MAJOR" "$STANDBY_CLUSTER" || true; die "pg_basebackup from port $PRIMARY_PORT failed"; }
root pg_ctlcluster "$PG_MAJOR" "$STANDBY_CLUSTER" start
for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$STANDBY_PORT" && break; sleep 0.5; done
[[ "$(psql_at "$STANDBY_PORT" -c 'select pg_is_in_recovery()')" == "t" ]] || die "the new cluster is not in recovery"
log "standby of port $PRIMARY_PORT ready on port $STANDBY_PORT"
