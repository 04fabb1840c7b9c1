#!/usr/bin/env bash
# Runs a benchmark against the packaged service on its own database (semsearch_bench) and writes its table to
# docs/benchmarks/:
#   scripts/benchmark.sh retrieval     PIAF test part: retrieval per mode; tuning on the train part -> retrieval-piaf.md
#   scripts/benchmark.sh answers       PIAF test part: short answers, answer sentences, abstention  -> answers.md
#   scripts/benchmark.sh performance   model ceiling, indexing, HTTP load, start-up, RSS             -> performance.md
#   scripts/benchmark.sh streaming [--before REV]  time to the first SSE event and to done on
#                                      /api/ask; with --before, REV's build too, same run            -> streaming.md
#   scripts/benchmark.sh soak [DURATION]  16 clients on one writer key at the default rate limits (one of them only
#                                      indexes) mixing search, ask, index, delete, -Xmx768m (-Dsoak.xmx=); 429s,
#                                      errors and the RSS each minute reported; fails on any error or 429, or an
#                                      RSS growing over 10 % in the last 5 minutes; then a consistency check;
#                                      DURATION like 90s, 10m (the default) or 1h                    -> soak.md
#   scripts/benchmark.sh hostile       nested JSON, oversize and chunked bodies, key floods, wide filters, foreign
#                                      MCP origins, bucket floods: the service's answers and their time, and the
#                                      p50 of another client's searches meanwhile against quiet
#                                      (-Dbenchmark.hostile.seconds, default 10 per attack)           -> hostile.md
#   scripts/benchmark.sh scale         10k / 100k / 1M chunk stores made from PIAF: index builds, size, recall,
#                                      latency by mode at 1 and 16 clients                           -> scale.md
#                                      (its own database SEMSEARCH_SCALE_DB_NAME, default semsearch_scale;
#                                      -Dbenchmark.scale.sizes=10000,100000 to leave out 1M)
#   scripts/benchmark.sh native        the native executable against the JVM build, in one run: both builds (time,
#                                      peak memory, size), time to ready, RSS idle and after indexing, first
#                                      request, search/ask p50, 16-client throughput, indexing chunks/s
#                                      (-Dbenchmark.native.paragraphs, default 1000 PIAF paragraphs)  -> native.md
#   scripts/benchmark.sh builds --before REV  REV's JVM build against this checkout's in one run, in rounds
#                                      that alternate which goes first: the native benchmark's service measures
#                                      (start-up, RSS, first requests, indexing chunks/s, hybrid/dense search and
#                                      ask latency at 1 client, requests/s at 16), medians and ratios
#                                      (-Dbenchmark.builds.rounds, default 3; -Dbenchmark.builds.paragraphs,
#                                      default 1000)                                                 -> before-after.md
#   scripts/benchmark.sh extraction    main-content precision/recall of web pages, PDF/DOCX/ODT text recall, parse
#                                      times, time to refuse each bad file (no database, no service; its fixtures
#                                      come from scripts/setup-extraction-fixtures.sh)               -> extraction.md
# Extra arguments go to Maven, e.g. -Dbenchmark.tune=false or -Dbenchmark.runs=15
# (extraction: timed runs per file, default 9). For answers, builds and streaming, --before REV first builds commit
# REV in target/before-REV (git archive; the models are linked, not copied) and measures it too, for a before/after
# table; each build then starts on a schema of its own migrations. Load runs: -Dbenchmark.load-seconds and
# -Dbenchmark.warmup-seconds (native, builds, performance). Another database or port: SEMSEARCH_BENCH_DB_NAME=NAME
# (create it with SEMSEARCH_DB_NAMES=NAME scripts/setup-postgres.sh), -Dbenchmark.port=PORT (default 8089).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "${1:-}" in
  retrieval) test=RetrievalBenchmark ;;
  answers) test=AnswersBenchmark ;;
  soak) test=SoakBenchmark ;;
  hostile) test=HostileBenchmark ;;
  performance) test=PerformanceBenchmark ;;
  streaming) test=StreamingBenchmark ;;
  scale) test=ScaleBenchmark ;;
  extraction) test=ExtractionBenchmark ;;
  native) test=NativeBenchmark ;;
  builds) test=BuildsBenchmark ;;
  *) echo "usage: scripts/benchmark.sh retrieval|answers [--before REV]|performance|streaming [--before REV]|soak [DURATION]|hostile|scale|extraction|native|builds --before REV [maven arguments...]" >&2
     exit 2 ;;
esac
mode="$1"
shift
if [[ "$test" == SoakBenchmark && $# -gt 0 && "$1" != -* ]]; then
  set -- "-Dsoak.duration=$1" "${@:2}"
fi

before=()
if [[ "${1:-}" == "--before" && "$mode" != @(answers|builds|streaming) ]]; then
  echo "benchmark: $mode does not take --before (answers, builds and streaming do; for the service measures" \
       "of performance, use: scripts/benchmark.sh builds --before REV)" >&2
  exit 2
fi
if [[ "$mode" == builds && "${1:-}" != "--before" ]]; then
  echo "benchmark: builds compares a commit's build with this checkout's: scripts/benchmark.sh builds --before REV" >&2
  exit 2
fi
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
    ./mvnw -B -q -f "$dir/pom.xml" package -Dmaven.test.skip=true   # this checkout's wrapper: REV may predate it
  fi
  before=("-Dbenchmark.before=$dir")
fi

if [[ "$test" == ExtractionBenchmark ]]; then
  scripts/setup-extraction-fixtures.sh
else
  scripts/setup.sh
fi
if [[ "$test" == ScaleBenchmark ]]; then
  SEMSEARCH_DB_NAMES="${SEMSEARCH_SCALE_DB_NAME:=semsearch_scale}" scripts/setup-postgres.sh
  export SEMSEARCH_SCALE_DB_NAME
fi
native=()
if [[ "$test" == NativeBenchmark ]]; then
  # Both builds, timed, with the peak memory of their largest process (/usr/bin/time: max RSS of the children).
  builds=target/native-benchmark-builds.properties
  mkdir -p target
  t=$SECONDS
  /usr/bin/time -f %M -o target/native-build.maxrss scripts/build-native.sh -q
  native_seconds=$(( SECONDS - t ))
  runner=$(ls target/*-runner | head -1)
  cp "$runner" target/native-benchmark.bin
  t=$SECONDS
  /usr/bin/time -f %M -o target/jvm-build.maxrss ./mvnw -B -q package -Dmaven.test.skip=true
  jvm_seconds=$(( SECONDS - t ))
  {
    echo "native.seconds=$native_seconds"
    echo "native.peak-mib=$(( $(tail -1 target/native-build.maxrss) / 1024 ))"
    echo "native.size-mib=$(du -m target/native-benchmark.bin | cut -f1)"
    echo "jvm.seconds=$jvm_seconds"
    echo "jvm.peak-mib=$(( $(tail -1 target/jvm-build.maxrss) / 1024 ))"
    echo "jvm.size-mib=$(du -sm target/quarkus-app | cut -f1)"
    for flavour in jvm native; do
      for engine in podman docker; do
        if command -v $engine >/dev/null && size=$($engine image inspect --format '{{.Size}}' "localhost/semsearch:$flavour" 2>/dev/null); then
          echo "$flavour.image=$(( size / 1000000 )) MB (localhost/semsearch:$flavour)"; break
        fi
      done
    done
  } > "$builds"
  cat "$builds"
  native=("-Dnative.image.path=$PWD/target/native-benchmark.bin")
fi
scripts/install-client.sh "$@"   # the benchmarks are compiled with the tests, which use the Java client (client/)
exec ./mvnw -B verify -Pbenchmark -Dit.test="$test" -Dfailsafe.failIfNoSpecifiedTests=false "${before[@]}" "${native[@]}" "$@"
