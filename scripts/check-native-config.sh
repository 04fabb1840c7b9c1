#!/usr/bin/env bash
# Native-ready check (CI): runs Quarkus's native build steps without GraalVM/Mandrel
#   ./mvnw -B package -Pnative -Dmaven.test.skip=true -Dquarkus.native.sources-only=true
# which writes the native-image inputs to target/native-sources/ (native-image.args, the runner jar, lib/), then
# checks the service's own native-image configuration (src/main/resources/META-INF/native-image/) against the jars
# packaged there with scripts/NativeConfigCheck.java: classes, members, resources, the Java classes that the JNI
# libraries look up, the ServiceLoader providers. Extra arguments go to Maven.
#
# A fast check (about 2 min, no native-image): the executable itself is built by scripts/build-native.sh and tested
# by scripts/test-native.sh, which supersede this check where their time is affordable.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CONFIG=src/main/resources/META-INF/native-image/io.semsearch/french-semantic-search

start=$(date +%s)
./mvnw -B -q package -Pnative -Dmaven.test.skip=true -Dquarkus.native.sources-only=true "$@"
for f in native-image.args graalvm.version; do
  [[ -s target/native-sources/$f ]] || { echo "check-native-config: ERROR: target/native-sources/$f was not written" >&2; exit 1; }
done
java scripts/NativeConfigCheck.java target/native-sources "$CONFIG"
echo "check-native-config: native sources for GraalVM $(cat target/native-sources/graalvm.version) written to target/native-sources in $(( $(date +%s) - start )) s"
