#!/usr/bin/env bash
# Document-extraction benchmark -> docs/benchmarks/extraction.md: main-content precision/recall of web pages (news
# pages around the sample articles, French Debian documentation pages) against their written-down references, the
# alternatives measured (Boilerpipe, other thresholds, whole page), text recall of the PDF/DOCX/ODT versions of the
# same pages, parse times, and the time to refuse each bad file. No database, no running service.
#   scripts/extraction-benchmark.sh [maven arguments...]     e.g. -Dbenchmark.runs=15 (timed runs per file, default 9)
# Meant to become `scripts/benchmark.sh extraction` (case: extraction) test=ExtractionBenchmark, after running
# scripts/setup-extraction-fixtures.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup-extraction-fixtures.sh
exec mvn -B verify -Pbenchmark -Dit.test=ExtractionBenchmark -Dfailsafe.failIfNoSpecifiedTests=false "$@"
