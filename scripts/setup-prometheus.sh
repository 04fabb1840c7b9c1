#!/usr/bin/env bash
# Ensures Debian's Prometheus (/usr/bin/prometheus and /usr/bin/promtool), which the tests of the alert rules
# (PrometheusRulesTest: promtool test rules deploy/prometheus/alerts-test.yml) and of scraping
# (PrometheusScrapeTest: a real Prometheus scrapes the test service's management port) run. Idempotent and quiet when
# both are there. Needs root (uses sudo -n when not root). The package's own service is not started here: the tests
# run Prometheus themselves, on a free port, with a configuration of their own.
set -euo pipefail

log() { printf 'setup-prometheus: %s\n' "$*"; }
die() { printf 'setup-prometheus: ERROR: %s\n' "$*" >&2; exit 1; }

if [[ -x /usr/bin/prometheus && -x /usr/bin/promtool ]]; then
  exit 0
fi
if [[ "$(id -u)" -eq 0 ]]; then AS_ROOT=(); elif sudo -n true 2>/dev/null; then AS_ROOT=(sudo -n); else
  die "prometheus is missing; installing it needs root or password-less sudo"; fi
log "installing prometheus (apt)"
"${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
# policy-rc.d 101: the package's service is not started by the install (the tests start their own Prometheus)
policy=/usr/sbin/policy-rc.d
created_policy=false
if [[ ! -e "$policy" ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${AS_ROOT[@]}" tee "$policy" >/dev/null
  "${AS_ROOT[@]}" chmod +x "$policy"
  created_policy=true
fi
status=0
out="$("${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  prometheus 2>&1)" || status=$?
[[ "$created_policy" == true ]] && "${AS_ROOT[@]}" rm -f "$policy"
(( status == 0 )) || { printf '%s\n' "$out" >&2; die "apt-get install prometheus failed"; }
[[ -x /usr/bin/prometheus && -x /usr/bin/promtool ]] || die "prometheus or promtool still missing after install"
log "$(/usr/bin/prometheus --version 2>&1 | head -1)"
