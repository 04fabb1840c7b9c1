#!/usr/bin/env bash
# Lints the OpenAPI document (default docs/openapi.json, which OpenApiDocumentTest keeps equal to /q/openapi) with
# Redocly's recommended rules; fails on any error or warning. Usage: scripts/lint-openapi.sh [document]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
document="$(realpath "${1:-docs/openapi.json}")"

scripts/setup-openapi-lint.sh
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1
# the CLI warns about the Node.js release in a framed box on stdout/stderr: keep only its findings
out="$(tools/openapi-lint/node_modules/.bin/redocly lint --config tools/openapi-lint/redocly.yaml \
  --format=stylish "$document" 2>&1)" && status=0 || status=$?
findings="$(printf '%s\n' "$out" | grep -v -E '[║╔╚]' | sed '/^\s*$/d')"
printf '%s\n' "$findings"
# stylish format: one "line:column  error|warning  rule  message" line per finding
if [[ $status -ne 0 ]] || printf '%s\n' "$findings" | grep -q -E '^\s*[0-9]+:[0-9]+\s+(error|warning)\s'; then
  echo "lint-openapi: FAILED: $document has errors or warnings (Redocly recommended rules)" >&2
  exit 1
fi
echo "lint-openapi: $document: no errors, no warnings"
