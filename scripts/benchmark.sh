#!/usr/bin/env bash
# Runs a benchmark against the packaged service on its own database (semsearch_bench) and writes its table to
# docs/benchmarks/:
#   scripts/benchmark.sh retrieval     PIAF retrieval quality, answers, calibration, tuning  -> retrieval-piaf.md
#   scripts/benchmark.sh performance   model ceiling, indexing, HTTP load, start-up, RSS      -> performance.md
#   scripts/benchmark.sh streaming     time to the first SSE event and to done on /api/ask    -> streaming.md
#   scripts/benchmark.sh extraction    main-content precision/recall of web pages, PDF/DOCX/ODT text recall, parse
#                                      times, time to refuse each bad file (no database, no service; its fixtures
#                                      come from scripts/setup-extraction-fixtures.sh) -> extraction.md
# Extra arguments go to Maven, e.g. -Dbenchmark.questions=0 (all PIAF questions), -Dbenchmark.tune=false or
# -Dbenchmark.runs=15 (extraction: timed runs per file, default 9).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "${1:-}" in
  retrieval) test=RetrievalBenchmark ;;
  performance) test=PerformanceBenchmark ;;
  streaming) test=StreamingBenchmark ;;
  extraction) test=ExtractionBenchmark ;;
  *) echo "usage: scripts/benchmark.sh retrieval|performance|streaming|extraction [maven arguments...]" >&2
     exit 2 ;;
esac
shift

if [[ "$test" == ExtractionBenchmark ]]; then
  scripts/setup-extraction-fixtures.sh
else
  scripts/setup.sh
fi
exec mvn -B verify -Pbenchmark -Dit.test="$test" -Dfailsafe.failIfNoSpecifiedTests=false "$@"
