#!/usr/bin/env bash
# Measures the containers for docs/benchmarks/containers.md (prints the numbers; the page is written by hand):
#   1. start-up to ready of the service container: first start on an empty volume, then ROUNDS restarts;
#   2. RSS of the service's java process (VmRSS, read on the host) at rest and after indexing PIAF's paragraphs
#      through POST /api/documents/batch;
#   3. the /api/search latency probe (scripts/SearchProbe.java: 1 client, PIAF questions, hybrid) against the
#      container and against the same build on the host JVM with the host PostgreSQL (database
#      semsearch_containers_probe, created here and dropped at the end), each indexed with PIAF, ROUNDS rounds each,
#      alternating the two.
# Uses the images as they are (scripts/container.sh build first) and target/quarkus-app for the host run.
#
# Environment: SEMSEARCH_BENCH_ROUNDS (3), SEMSEARCH_BENCH_QUERIES (200), PIAF (../shared/eval/piaf/piaf-v1.1.json).
# Needs root (or password-less sudo) for the host database and to read the container's /proc entry.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

ROUNDS="${SEMSEARCH_BENCH_ROUNDS:-3}"
QUERIES="${SEMSEARCH_BENCH_QUERIES:-200}"
WARMUP=20
PIAF="${PIAF:-$ROOT/../shared/eval/piaf/piaf-v1.1.json}"
PROBE_DB=semsearch_containers_probe
WORK="$(mktemp -d "${TMPDIR:-/tmp}/semsearch-bench.XXXXXX")"
export SEMSEARCH_CONTAINER_PROJECT=semsearch-bench

log() { printf 'bench: %s\n' "$*"; }
die() { printf 'bench: ERROR: %s\n' "$*" >&2; exit 1; }
free_port() { local p=$1; while ss -Htln "sport = :$p" | grep -q .; do p=$((p + 1)); done; echo "$p"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
elapsed() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }
div() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { printf f, a / b }'; }
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
engine() { if command -v podman >/dev/null && [[ "${SEMSEARCH_CONTAINER_ENGINE:-podman}" == podman ]]; then echo podman; else echo docker; fi; }
ENGINE="$(engine)"

[[ -f "$PIAF" ]] || die "PIAF not found at $PIAF"
command -v jq >/dev/null || die "jq is needed (scripts/container.sh installs it)"

# PIAF paragraphs as batches of 32 documents (source piaf/<index>, like the retrieval benchmark), and its questions.
jq -c '[.data[] | .title as $t | .paragraphs[] | {title: $t, text: .context}] | to_entries
       | map({source: "piaf/\(.key)", title: .value.title, text: .value.text, metadata: {corpus: "piaf"}})
       | _nwise(32) | {documents: .}' "$PIAF" >"$WORK/batches.jsonl"
jq -r --argjson n $(( WARMUP + QUERIES )) '[.data[].paragraphs[].qas[].question][:$n][]' "$PIAF" >"$WORK/questions.txt"

# index_piaf BASE_URL: prints "<documents> <chunks> <seconds>"
index_piaf() {
  local url="$1" t0 docs=0 chunks=0 out
  t0=$(date +%s.%N)
  while IFS= read -r batch; do
    out="$(curl -sS -f --max-time 600 -X POST "$url/api/documents/batch" -H 'Content-Type: application/json' \
      --data-binary @- <<<"$batch")" || die "POST /api/documents/batch failed"
    docs=$(( docs + $(jq '.results | length' <<<"$out") ))
    chunks=$(( chunks + $(jq '[.results[].chunks] | add // 0' <<<"$out") ))
  done <"$WORK/batches.jsonl"
  echo "$docs $chunks $(elapsed "$t0")"
}

probe() { java "$ROOT/scripts/SearchProbe.java" "$1" "$WORK/questions.txt" "$WARMUP" "$QUERIES"; }

report=("load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)")

# ------------------------------------------------------------------ container
port="$(free_port 18180)"
export SEMSEARCH_CONTAINER_PORT="$port"
scripts/container.sh down --volumes >/dev/null 2>&1 || true
t0=$(date +%s.%N)
scripts/container.sh up >"$WORK/up.log"
first_up="$(elapsed "$t0")"
app="$($ENGINE ps --format '{{.Names}}' | grep -E "^${SEMSEARCH_CONTAINER_PROJECT}[_-]app[_-]1$")"
log "first up (empty volume) $first_up s; quarkus: $($ENGINE logs "$app" 2>&1 | grep -o 'started in [0-9.]*s' | tail -n1)"
report+=("container first start (empty volume, migrations, 5 sample articles): ${first_up} s")

restarts=(); quarkus=()
for _ in $(seq "$ROUNDS"); do
  scripts/container.sh down >/dev/null
  t0=$(date +%s.%N)
  scripts/container.sh up >/dev/null
  restarts+=("$(elapsed "$t0")")
  quarkus+=("$($ENGINE logs "$app" 2>&1 | grep -o 'started in [0-9.]*s' | tail -n1 | grep -o '[0-9.]*')")
done
report+=("container restart to ready (scripts/container.sh up, data kept): median $(printf '%s\n' "${restarts[@]}" | median) s of ${restarts[*]}; Quarkus 'started in': median $(printf '%s\n' "${quarkus[@]}" | median) s")

sleep 10
pid="$($ENGINE inspect --format '{{.State.Pid}}' "$app")"
report+=("container RSS at rest: $(rss_mib "$pid") MiB; podman stats: $($ENGINE stats --no-stream --format '{{.MemUsage}}' "$app" 2>/dev/null || echo n/a)")

read -r docs chunks secs < <(index_piaf "http://127.0.0.1:$port")
report+=("container indexing PIAF: $docs documents, $chunks chunks in $secs s ($(div "$chunks" "$secs" %.1f) chunks/s)")
sleep 5
report+=("container RSS after indexing PIAF: $(rss_mib "$pid") MiB; podman stats: $($ENGINE stats --no-stream --format '{{.MemUsage}}' "$app" 2>/dev/null || echo n/a)")


# ------------------------------------------------------------------ host JVM + host PostgreSQL
psql_su() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql_su -d postgres -c "drop database if exists $PROBE_DB" >/dev/null
psql_su -d postgres -c "create database $PROBE_DB owner semsearch encoding 'UTF8' template template0" >/dev/null
psql_su -d "$PROBE_DB" -c 'create extension vector; create extension unaccent;' >/dev/null
hport="$(free_port 18190)"
hmport="$(free_port 19190)"
# the image's JAVA_OPTS, so that both JVMs run with the same options
java_opts="$($ENGINE image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' localhost/semsearch:jvm | sed -n 's/^JAVA_OPTS=//p')"
# shellcheck disable=SC2086
QUARKUS_HTTP_PORT="$hport" QUARKUS_MANAGEMENT_PORT="$hmport" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$PROBE_DB" \
  QUARKUS_DATASOURCE_PASSWORD="${SEMSEARCH_DB_PASSWORD:-semsearch}" SEMSEARCH_EMBEDDING_MODELS_DIR="$ROOT/models" java $java_opts -jar target/quarkus-app/quarkus-run.jar \
  >"$WORK/host.log" 2>&1 &
hpid=$!
cleanup() {
  kill "$hpid" 2>/dev/null || true; wait "$hpid" 2>/dev/null || true
  psql_su -d postgres -c "drop database if exists $PROBE_DB" >/dev/null || true
  scripts/container.sh down --volumes >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 300); do curl -fsS -o /dev/null "http://127.0.0.1:$hmport/q/health/ready" 2>/dev/null && break; sleep 1; done
curl -fsS -o /dev/null "http://127.0.0.1:$hmport/q/health/ready" || { tail -n 30 "$WORK/host.log" >&2; die "host service not ready"; }
report+=("host JVM first start: Quarkus $(grep -o 'started in [0-9.]*s' "$WORK/host.log" | tail -n1)")
sleep 10
report+=("host RSS at rest: $(rss_mib "$hpid") MiB")
read -r docs chunks secs < <(index_piaf "http://127.0.0.1:$hport")
report+=("host indexing PIAF: $docs documents, $chunks chunks in $secs s ($(div "$chunks" "$secs" %.1f) chunks/s)")
sleep 5
report+=("host RSS after indexing PIAF: $(rss_mib "$hpid") MiB")
# ------------------------------------------------------------------ the probe, alternating container and host
# Both services hold the same documents; alternating the rounds spreads the machine's other load over both.
in_medians=(); out_medians=()
for r in $(seq "$ROUNDS"); do
  line="$(probe "http://127.0.0.1:$port")"; log "container probe $r: $line"
  in_medians+=("$(grep -o 'median_ms=[0-9.]*' <<<"$line" | head -n1 | cut -d= -f2)")
  line="$(probe "http://127.0.0.1:$hport")"; log "host probe $r: $line"
  out_medians+=("$(grep -o 'median_ms=[0-9.]*' <<<"$line" | head -n1 | cut -d= -f2)")
done
cleanup; trap - EXIT

in_m="$(printf '%s\n' "${in_medians[@]}" | median)"; out_m="$(printf '%s\n' "${out_medians[@]}" | median)"
report+=("load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)")
report+=("search probe (hybrid, k=5, 1 client, $QUERIES PIAF questions after $WARMUP warm-up): container median of medians $in_m ms (${in_medians[*]}), host $out_m ms (${out_medians[*]}), ratio container/host $(div "$in_m" "$out_m" %.2f)")

rm -rf "$WORK"
printf '\n'; printf -- '- %s\n' "${report[@]}"
