#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh), builds the service and runs it in the foreground.
#
# Environment (all optional):
#   QUARKUS_HTTP_PORT      HTTP port (default: 8080)
#   QUARKUS_MANAGEMENT_PORT health (/q/health/*) and metrics (/q/metrics) port (default: 9000)
#   JAVA_OPTS              extra JVM options, word-split (e.g. JAVA_OPTS="-Xmx1g -XX:+UseSerialGC")
#   SEMSEARCH_SKIP_SETUP=1 skip scripts/setup.sh (PostgreSQL and models already in place)
#   SEMSEARCH_SKIP_BUILD=1 skip the Maven build (use the existing target/quarkus-app)
#   SEMSEARCH_SECURITY_ANONYMOUS_READ
#                          reads without a key (default here: true, so that the local demo and the chat page
#                          work at once; the service's own default, used by containers, is false)
#   SEMSEARCH_SECURITY_BOOTSTRAP_KEY
#                          an admin key of your own (at least 24 characters); without it the first start creates
#                          one and writes it to ~/.semsearch/first-admin-key (readable by you only)
#   SEMSEARCH_DB_USER, SEMSEARCH_DB_PASSWORD, SEMSEARCH_DB_NAME (used by setup-postgres.sh) are
#                          also passed to the service as QUARKUS_DATASOURCE_USERNAME, _PASSWORD
#                          and _JDBC_URL, unless those are set (the password: setup-postgres.sh's default,
#                          semsearch, when neither is set)
# Arguments are passed to the application.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

[[ "${SEMSEARCH_SKIP_SETUP:-0}" == "1" ]] || scripts/setup.sh
if [[ "${SEMSEARCH_SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -B -q package -Dmaven.test.skip=true
fi
[[ -f target/quarkus-app/quarkus-run.jar ]] || { echo "run: ERROR: target/quarkus-app/quarkus-run.jar not found; build with: ./mvnw -B package -Dmaven.test.skip=true" >&2; exit 1; }

export QUARKUS_HTTP_PORT="${QUARKUS_HTTP_PORT:-8080}"
export QUARKUS_MANAGEMENT_PORT="${QUARKUS_MANAGEMENT_PORT:-9000}"
export SEMSEARCH_SECURITY_ANONYMOUS_READ="${SEMSEARCH_SECURITY_ANONYMOUS_READ:-true}"
[[ -n "${SEMSEARCH_DB_USER:-}" ]] && export QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-$SEMSEARCH_DB_USER}"
# The service has no default password outside dev and test: here, the local role's, made by setup-postgres.sh
export QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-${SEMSEARCH_DB_PASSWORD:-semsearch}}"
[[ -n "${SEMSEARCH_DB_NAME:-}" ]] && export QUARKUS_DATASOURCE_JDBC_URL="${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/$SEMSEARCH_DB_NAME}"

# ai.djl.offline=true: DJL never tries to download engines or models (the network is closed).
# JAVA_OPTS is deliberately unquoted so that it splits into several options.
# shellcheck disable=SC2086
exec java -Dai.djl.offline=true ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar "$@"
