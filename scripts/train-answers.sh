#!/usr/bin/env bash
# Fits the learned weights on the PIAF train part (articles other than 0, 4, 8, ... of the file; the test part is
# never read for fitting) and writes them as configuration:
#   src/main/resources/search/fusion-weights.properties   fusion of dense and lexical retrieval
#   src/main/resources/answer/weights.properties          sentence ranking, short answers, relevance gate
# It indexes PIAF and the sample articles in-process into the benchmark database (SEMSEARCH_BENCH_DB_NAME, default
# semsearch_bench; kept between runs), collects the features of every train question into target/training/, then fits.
#   scripts/train-answers.sh             collect and fit (fusion: every train question; answers: a seeded sample of
#                                        2,000, -Dtraining.answer-questions=0 for all; 30-60 min on a busy 2-core machine)
#   -Dtraining.reuse-fusion=true         reuse target/training/fusion.json instead of collecting it again
#   scripts/train-answers.sh --fit-only  fit again from target/training/ (seconds), e.g. after changing span features
# Rebuild (mvn package) afterwards: the service reads the weights from its classpath.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${1:-}" == "--fit-only" ]]; then
  shift
  scripts/install-client.sh "$@"   # the tests' dependency on the Java client (client/)
  exec ./mvnw -B test -Ptraining -Dtest=AnswerFitting -Dsurefire.failIfNoSpecifiedTests=false "$@"
fi
scripts/setup.sh
scripts/install-client.sh "$@"
[[ -n "${SEMSEARCH_DB_USER:-}" ]] && export QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-$SEMSEARCH_DB_USER}"
[[ -n "${SEMSEARCH_DB_PASSWORD:-}" ]] && export QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-$SEMSEARCH_DB_PASSWORD}"
exec ./mvnw -B test -Ptraining -Dtest=AnswerTraining -Dsurefire.failIfNoSpecifiedTests=false "$@"
