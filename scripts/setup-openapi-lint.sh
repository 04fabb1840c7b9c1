#!/usr/bin/env bash
# Installs the OpenAPI linter (Redocly's CLI, pinned in tools/openapi-lint/package.json and its lock file) into
# tools/openapi-lint/node_modules, with Node.js from apt when it is missing. Idempotent: reinstalls only when the
# lock file changed. Needs root (sudo -n) only to install Node.js.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../tools/openapi-lint"

log() { printf 'setup-openapi-lint: %s\n' "$*"; }
die() { printf 'setup-openapi-lint: ERROR: %s\n' "$*" >&2; exit 1; }

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [[ "$(id -u)" -eq 0 ]]; then AS_ROOT=(); elif sudo -n true 2>/dev/null; then AS_ROOT=(sudo -n); else
    die "node and npm are missing; installing them needs root or password-less sudo"; fi
  log "installing Node.js (apt)"
  "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
  command -v npm >/dev/null 2>&1 || "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" -ge 20 ]] || die "Node.js $(node --version) is too old for @redocly/cli (20.19 or later)"

stamp=node_modules/.lock-sha256
wanted="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -x node_modules/.bin/redocly && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  exit 0
fi
log "npm ci (@redocly/cli)"
out="$(npm ci --no-audit --no-fund 2>&1)" || { printf '%s\n' "$out" >&2; die "npm ci failed"; }
echo "$wanted" > "$stamp"
