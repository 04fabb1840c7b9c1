#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh: PostgreSQL + pgvector, models; scripts/setup-test.sh: browser, OpenAPI
# linter, document-extraction fixtures, the read-replica test's clusters), lints the OpenAPI document
# (scripts/lint-openapi.sh), installs the Java client the tests use (scripts/install-client.sh: client/, generated from
# that document), checks the committed TypeScript types against it (scripts/typescript-client.sh), then runs the full
# build with tests: ./mvnw -B verify [arguments...]
#   e.g. scripts/test.sh -Dtest=TextCleanerTest
# SEMSEARCH_DB_USER, SEMSEARCH_DB_PASSWORD and SEMSEARCH_TEST_DB_NAME (see setup-postgres.sh) are
# passed to the tests as QUARKUS_DATASOURCE_USERNAME, _PASSWORD and the test-profile JDBC URL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh
scripts/setup-test.sh
[[ -n "${SEMSEARCH_DB_USER:-}" ]] && export QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-$SEMSEARCH_DB_USER}"
[[ -n "${SEMSEARCH_DB_PASSWORD:-}" ]] && export QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-$SEMSEARCH_DB_PASSWORD}"
[[ -n "${SEMSEARCH_TEST_DB_NAME:-}" ]] && export _TEST_QUARKUS_DATASOURCE_JDBC_URL="${_TEST_QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/$SEMSEARCH_TEST_DB_NAME}"
scripts/lint-openapi.sh
scripts/install-client.sh "$@"
scripts/typescript-client.sh
exec ./mvnw -B verify "$@"
