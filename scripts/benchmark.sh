#!/usr/bin/env bash
# Runs a benchmark against the packaged service on its own database (semsearch_bench) and writes its table to
# docs/benchmarks/:
#   scripts/benchmark.sh retrieval     PIAF retrieval quality, answers, calibration, tuning  -> retrieval-piaf.md
#   scripts/benchmark.sh performance   model ceiling, indexing, HTTP load, start-up, RSS      -> performance.md
#   scripts/benchmark.sh streaming     time to the first SSE event and to done on /api/ask    -> streaming.md
# Extra arguments go to Maven, e.g. -Dbenchmark.questions=0 (all PIAF questions) or -Dbenchmark.tune=false.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "${1:-}" in
  retrieval) test=RetrievalBenchmark ;;
  performance) test=PerformanceBenchmark ;;
  streaming) test=StreamingBenchmark ;;
  *) echo "usage: scripts/benchmark.sh retrieval|performance|streaming [maven arguments...]" >&2; exit 2 ;;
esac
shift

scripts/setup.sh
exec mvn -B verify -Pbenchmark -Dit.test="$test" -Dfailsafe.failIfNoSpecifiedTests=false "$@"
