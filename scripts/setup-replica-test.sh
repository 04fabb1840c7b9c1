#!/usr/bin/env bash
# The clusters of the read-replica test (ReplicaTest), kept apart from the project's cluster on 5432: a throw-away
# primary (cluster 15/replica-primary on 5443, with the test database) and its streaming standby (15/replica-standby
# on 5442). The test pauses and resumes WAL replay on the standby to read while it lags: the database user may call
# pg_wal_replay_pause/resume there. Idempotent; run by scripts/test.sh.
#   SEMSEARCH_REPLICA_PRIMARY_PORT (5443), SEMSEARCH_REPLICA_STANDBY_PORT (5442), SEMSEARCH_TEST_DB_NAME, SEMSEARCH_DB_USER
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

primary_port="${SEMSEARCH_REPLICA_PRIMARY_PORT:-5443}"
standby_port="${SEMSEARCH_REPLICA_STANDBY_PORT:-5442}"

SEMSEARCH_PG_CLUSTER=replica-primary SEMSEARCH_PG_PORT="$primary_port" \
  SEMSEARCH_DB_NAMES="${SEMSEARCH_TEST_DB_NAME:-semsearch_test}" scripts/setup-postgres.sh
SEMSEARCH_STANDBY_OF_PORT="$primary_port" SEMSEARCH_STANDBY_PORT="$standby_port" \
  SEMSEARCH_STANDBY_CLUSTER=replica-standby scripts/setup-standby.sh

user="${SEMSEARCH_DB_USER:-semsearch}"
database="${SEMSEARCH_TEST_DB_NAME:-semsearch_test}"
run_as_postgres() { if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -n -u postgres -- "$@"; fi; }
printf '%s\n' "select format('grant execute on function pg_wal_replay_pause(), pg_wal_replay_resume() to %I', :'u') \\gexec" \
  | run_as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$primary_port" -d "$database" -v u="$user" -f - >/dev/null
