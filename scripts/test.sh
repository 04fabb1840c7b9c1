#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh: PostgreSQL + pgvector, models, browser, OpenAPI linter;
# scripts/setup-replica-test.sh: the primary and standby clusters of the read-replica test) and the
# document-extraction fixtures (scripts/setup-extraction-fixtures.sh: Debian documentation pages, LibreOffice, the
# PDF/DOCX/ODT made from them; kept out of setup.sh so that scripts/run.sh does not install LibreOffice), lints the
# OpenAPI document (scripts/lint-openapi.sh), then runs the full Maven build with tests: mvn -B verify [arguments...]
#   e.g. scripts/test.sh -Dtest=TextCleanerTest
# SEMSEARCH_DB_USER, SEMSEARCH_DB_PASSWORD and SEMSEARCH_TEST_DB_NAME (see setup-postgres.sh) are
# passed to the tests as QUARKUS_DATASOURCE_USERNAME, _PASSWORD and the test-profile JDBC URL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh
scripts/setup-extraction-fixtures.sh
scripts/setup-replica-test.sh
[[ -n "${SEMSEARCH_DB_USER:-}" ]] && export QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-$SEMSEARCH_DB_USER}"
[[ -n "${SEMSEARCH_DB_PASSWORD:-}" ]] && export QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-$SEMSEARCH_DB_PASSWORD}"
[[ -n "${SEMSEARCH_TEST_DB_NAME:-}" ]] && export _TEST_QUARKUS_DATASOURCE_JDBC_URL="${_TEST_QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/$SEMSEARCH_TEST_DB_NAME}"
scripts/lint-openapi.sh
exec mvn -B verify "$@"
