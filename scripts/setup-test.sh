#!/usr/bin/env bash
# What only the tests need, on top of scripts/setup.sh (idempotent, quiet when in place):
#   1. scripts/setup-browser.sh               Chromium and chromedriver (the chat page's browser test)
#   2. scripts/setup-openapi-lint.sh          Redocly's CLI in tools/openapi-lint (scripts/lint-openapi.sh)
#   3. scripts/setup-extraction-fixtures.sh   Debian documentation pages, LibreOffice, the PDF/DOCX/ODT made from them
#   4. scripts/setup-replica-test.sh          the primary and standby clusters of the read-replica test
#   5. scripts/setup-prometheus.sh            Prometheus and promtool (alert rules and scrape tests)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup-browser.sh
scripts/setup-openapi-lint.sh
scripts/setup-extraction-fixtures.sh
scripts/setup-replica-test.sh
scripts/setup-prometheus.sh
