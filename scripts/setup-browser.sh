#!/usr/bin/env bash
# Ensures Debian's Chromium and its WebDriver (/usr/bin/chromium, /usr/bin/chromedriver), which the chat page's
# browser test (ChatPageBrowserTest) drives headless through Selenium. Idempotent and quiet when both are there.
# Needs root (uses sudo -n when not root). Browsers are never downloaded by Selenium: the test points it at these.
set -euo pipefail

log() { printf 'setup-browser: %s\n' "$*"; }
die() { printf 'setup-browser: ERROR: %s\n' "$*" >&2; exit 1; }

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if [[ "$(id -u)" -eq 0 ]]; then
  AS_ROOT=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS_ROOT=(sudo -n)
else
  die "chromium and chromium-driver are missing; installing them needs root or password-less sudo"
fi

log "installing chromium and chromium-driver (apt)"
out="$("${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq 2>&1)" \
  || { printf '%s\n' "$out" >&2; die "apt-get update failed"; }
out="$("${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  chromium chromium-driver fonts-dejavu-core 2>&1)" \
  || { printf '%s\n' "$out" >&2; die "apt-get install chromium chromium-driver failed"; }
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || die "chromium or chromedriver still missing after install"
log "$(/usr/bin/chromium --version 2>/dev/null | head -1)"
