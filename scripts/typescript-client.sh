#!/usr/bin/env bash
# TypeScript types of the API, client/typescript/schema.d.ts, generated from docs/openapi.json by openapi-typescript
# (pinned in client/typescript/package.json and its lock file), and an example that uses them (example.ts):
#   scripts/typescript-client.sh            fails when schema.d.ts is not what docs/openapi.json gives, then
#                                           type-checks example.ts against it (scripts/test.sh runs this)
#   scripts/typescript-client.sh --update   writes schema.d.ts anew (after an API change), then type-checks
# Installs the tools into client/typescript/node_modules (npm ci, again only when the lock file changed). Node.js:
# scripts/setup-openapi-lint.sh installs it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../client/typescript"

log() { printf 'typescript-client: %s\n' "$*"; }
die() { printf 'typescript-client: ERROR: %s\n' "$*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 || die "Node.js and npm are missing: scripts/setup-openapi-lint.sh installs them"
stamp=node_modules/.lock-sha256
wanted="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -x node_modules/.bin/openapi-typescript || ! -f "$stamp" || "$(cat "$stamp")" != "$wanted" ]]; then
  log "npm ci (openapi-typescript)"
  out="$(npm ci --no-audit --no-fund 2>&1)" || { printf '%s\n' "$out" >&2; die "npm ci failed"; }
  echo "$wanted" > "$stamp"
fi

generated="$(mktemp)"
trap 'rm -f "$generated"' EXIT
out="$(node_modules/.bin/openapi-typescript ../../docs/openapi.json -o "$generated" 2>&1)" \
  || { printf '%s\n' "$out" >&2; die "openapi-typescript failed on docs/openapi.json"; }
if [[ "${1:-}" == "--update" ]]; then
  cp "$generated" schema.d.ts
  log "client/typescript/schema.d.ts written from docs/openapi.json"
elif ! cmp -s "$generated" schema.d.ts; then
  diff -u schema.d.ts "$generated" | head -n 40 >&2 || true
  die "client/typescript/schema.d.ts is not what docs/openapi.json gives: scripts/typescript-client.sh --update"
fi
out="$(node_modules/.bin/tsc -p tsconfig.json 2>&1)" \
  || { printf '%s\n' "$out" >&2; die "client/typescript/example.ts does not type-check against schema.d.ts"; }
log "schema.d.ts matches docs/openapi.json; example.ts type-checks"
