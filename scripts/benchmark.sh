#!/usr/bin/env bash
# Runs a benchmark against the packaged service on its own database (semsearch_bench) and writes its table to
# docs/benchmarks/:
#   scripts/benchmark.sh retrieval     PIAF retrieval quality, answers, calibration, tuning  -> retrieval-piaf.md
#   scripts/benchmark.sh performance   model ceiling, indexing, HTTP load, start-up, RSS      -> performance.md
#   scripts/benchmark.sh streaming     time to the first SSE event and to done on /api/ask    -> streaming.md
#   scripts/benchmark.sh soak [DURATION]  16 clients mixing search, ask, index, delete, then a consistency
#                                      check; DURATION like 90s, 10m (the default) or 1h      -> soak.md
#   scripts/benchmark.sh scale         10k / 100k / 1M chunk stores made from PIAF: index builds, size, recall,
#                                      latency by mode at 1 and 16 clients                    -> scale.md
#                                      (its own database SEMSEARCH_SCALE_DB_NAME, default semsearch_scale;
#                                      -Dbenchmark.scale.sizes=10000,100000 to leave out 1M)
# Extra arguments go to Maven, e.g. -Dbenchmark.questions=0 (all PIAF questions) or -Dbenchmark.tune=false.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "${1:-}" in
  retrieval) test=RetrievalBenchmark ;;
  soak) test=SoakBenchmark ;;
  performance) test=PerformanceBenchmark ;;
  streaming) test=StreamingBenchmark ;;
  scale) test=ScaleBenchmark ;;
  *) echo "usage: scripts/benchmark.sh retrieval|performance|streaming|soak [DURATION]|scale [maven arguments...]" >&2; exit 2 ;;
esac
shift
if [[ "$test" == SoakBenchmark && $# -gt 0 && "$1" != -* ]]; then
  set -- "-Dsoak.duration=$1" "${@:2}"
fi

scripts/setup.sh
if [[ "$test" == ScaleBenchmark ]]; then
  SEMSEARCH_DB_NAMES="${SEMSEARCH_SCALE_DB_NAME:=semsearch_scale}" scripts/setup-postgres.sh
  export SEMSEARCH_SCALE_DB_NAME
fi
exec mvn -B verify -Pbenchmark -Dit.test="$test" -Dfailsafe.failIfNoSpecifiedTests=false "$@"
