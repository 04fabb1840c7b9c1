#!/usr/bin/env bash
# Proves the README's run command: starts scripts/run.sh (set-up, build, service with the sample articles) on a free
# port, waits until the service is ready, asks one question without a key, checks that the answer cites a passage of
# the sample articles, then stops the service. It also fails when the run command installed a package that only the
# tests need (a browser, Node.js, LibreOffice). Exit status 0 only when all of that held.
#
# Environment (all optional):
#   SMOKE_PORT            the HTTP port (default: the first free one from 18080)
#   SMOKE_MANAGEMENT_PORT the health and metrics port (default: the first free one from 19080)
#   SMOKE_READY_SECONDS   how long to wait for readiness (default: 900, the set-up of a fresh machine included)
#   plus everything scripts/run.sh reads
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf 'smoke-run: %s\n' "$*"; }
die() { printf 'smoke-run: ERROR: %s\n' "$*" >&2; exit 1; }

port_in_use() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
port="${SMOKE_PORT:-}"
if [[ -z "$port" ]]; then
  port=18080
  while port_in_use "$port"; do port=$((port + 1)); done
fi
ready_seconds="${SMOKE_READY_SECONDS:-900}"
management_port="${SMOKE_MANAGEMENT_PORT:-}"
if [[ -z "$management_port" ]]; then
  management_port=19080
  while port_in_use "$management_port" || [[ "$management_port" == "$port" ]]; do management_port=$((management_port + 1)); done
fi
base="http://127.0.0.1:$port"
management="http://127.0.0.1:$management_port"
out="$(mktemp -d "${TMPDIR:-/tmp}/smoke-run.XXXXXX")"

test_only_packages=(chromium chromium-driver nodejs libreoffice-core prometheus)
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
absent_before=()
for p in "${test_only_packages[@]}"; do installed "$p" || absent_before+=("$p"); done

log "scripts/run.sh on port $port (output: $out/run.log)"
QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management_port" setsid scripts/run.sh >"$out/run.log" 2>&1 </dev/null &
pid=$!
stop() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
}
trap stop EXIT
fail() { tail -n 40 "$out/run.log" | sed 's/^/  run.log: /' >&2; die "$*"; }

deadline=$((SECONDS + ready_seconds))
until curl -fsS -o /dev/null "$management/q/health/ready" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || fail "scripts/run.sh exited before the service was ready"
  (( SECONDS < deadline )) || fail "not ready after $ready_seconds s"
  sleep 2
done
log "ready after $SECONDS s"

question='{"question": "Combien Microsoft a-t-il investi dans OpenAI ?"}'
status="$(curl -sS -o "$out/ask.json" -w '%{http_code}' -X POST "$base/api/ask" \
  -H 'Content-Type: application/json' --data "$question")" || fail "POST /api/ask failed"
[[ "$status" == 200 ]] || fail "POST /api/ask without a key answered $status: $(head -c 400 "$out/ask.json")"
body="$(cat "$out/ask.json")"
grep -q '"answered":true' <<<"$body" || fail "the question was not answered: ${body:0:400}"
grep -q '\[1\]' <<<"$body" || fail "the answer has no citation marker: ${body:0:400}"
grep -Eq '"citations":\[\{"n":1,"documentId":"[^"]+","source":"[0-9]{3}_[0-9a-f]{16}\.txt"' <<<"$body" \
  || fail "the answer cites no sample article: ${body:0:400}"
log "cited answer: $(grep -o '"shortAnswer":{[^}]*}' <<<"$body" || echo 'no short answer')"
stop
trap - EXIT
for p in "${absent_before[@]}"; do
  ! installed "$p" || die "scripts/run.sh installed $p, which only the tests need"
done
log "passed"
