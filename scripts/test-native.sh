#!/usr/bin/env bash
# The packaged-service integration tests (*IT, failsafe) against the native executable built by
# scripts/build-native.sh (target/*-runner), instead of target/quarkus-app: ServiceProcess starts the executable
# named by -Dnative.image.path. The executable is not rebuilt here (run scripts/build-native.sh first); tests are
# compiled as needed. Set-up: PostgreSQL + pgvector, the models and the extraction fixtures (idempotent). Extra arguments go to Maven,
# e.g. -Dit.test=PackagedServiceIT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runners=(target/*-runner)
[[ -x "${runners[0]}" ]] || { echo "test-native: ERROR: no target/*-runner; run scripts/build-native.sh first" >&2; exit 1; }
scripts/setup-postgres.sh
scripts/provision-models.sh
scripts/setup-extraction-fixtures.sh
scripts/install-client.sh "$@"   # the tests' dependency on the Java client (client/)
start=$(date +%s)
# test-compile, then the failsafe goals alone: `mvn verify` would package (and with -Pnative rebuild) the service.
./mvnw -B test-compile failsafe:integration-test failsafe:verify -Dnative.image.path="$PWD/${runners[0]}" "$@"
echo "test-native: integration tests against ${runners[0]} passed in $(( $(date +%s) - start )) s"
