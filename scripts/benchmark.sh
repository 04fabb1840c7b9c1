#!/usr/bin/env bash
# Runs a benchmark against the packaged service on its own database (semsearch_bench) and writes its table to
# docs/benchmarks/:
#   scripts/benchmark.sh retrieval     PIAF test part: retrieval per mode; tuning on the train part -> retrieval-piaf.md
#   scripts/benchmark.sh answers       PIAF test part: short answers, answer sentences, abstention  -> answers.md
#   scripts/benchmark.sh performance   model ceiling, indexing, HTTP load, start-up, RSS             -> performance.md
# Extra arguments go to Maven, e.g. -Dbenchmark.tune=false. For answers, --before REV first builds commit REV in
# target/before-REV (git archive; the models are linked, not copied) and measures it too, for a before/after table.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "${1:-}" in
  retrieval) test=RetrievalBenchmark ;;
  answers) test=AnswersBenchmark ;;
  performance) test=PerformanceBenchmark ;;
  *) echo "usage: scripts/benchmark.sh retrieval|answers|performance [--before REV] [maven arguments...]" >&2; exit 2 ;;
esac
shift

before=()
if [[ "${1:-}" == "--before" ]]; then
  rev="$2"; shift 2
  dir="$PWD/target/before-$rev"
  if [[ ! -f "$dir/target/quarkus-app/quarkus-run.jar" ]]; then
    rm -rf "$dir" && mkdir -p "$dir"
    git archive "$rev" | tar -x -C "$dir"
    for model in models/*/; do
      for file in "$model"*; do
        [[ "$file" == *model.properties ]] || ln -sf "$PWD/$file" "$dir/$file"
      done
    done
    (cd "$dir" && mvn -B -q package -DskipTests)
  fi
  before=("-Dbenchmark.before=$dir")
fi

scripts/setup.sh
exec mvn -B verify -Pbenchmark -Dit.test="$test" -Dfailsafe.failIfNoSpecifiedTests=false "${before[@]}" "$@"
