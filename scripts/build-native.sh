#!/usr/bin/env bash
# Builds the service's native executable (target/*-runner) on this project's machines.
#
# No GraalVM or Mandrel distribution can be had here; ../shared/toolchains/native-image/ (next to the repository)
# assembles one from the machine's Temurin 25 JDK, GraalVM CE 25.0.2 builder jars and a few parts built from public
# sources (its README). This script installs it once into NATIVE_IMAGE_HOME (default
# ~/.cache/semsearch/native-image-25.0.2) and runs Quarkus's native build with it.
#
# LIMITS of a binary built this way: the JDK's native code in that toolchain is older than its class library (pre-GA
# JDK 25 sources against Temurin 25.0.3 classes) and the builder jars (25.0.2) are not a supported pairing with JDK
# 25.0.3. It is for building and testing here; production images come from a Mandrel/GraalVM builder
# (docker/Dockerfile.native-mandrel).
#
# NATIVE_IMAGE_XMX (default 8g): the builder's heap; with 5g it spends most of its time in GC (about 4 GB live). Extra arguments go to Maven. Tests are neither compiled nor run here (scripts/test-native.sh runs the ITs).
# Prints the build time and the native-image peak memory (from its own report) at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TOOLCHAIN=${NATIVE_TOOLCHAIN_DIR:-${SEMSEARCH_SHARED_DIR:-../shared}/toolchains/native-image}
HOME_DIR=${NATIVE_IMAGE_HOME:-$HOME/.cache/semsearch/native-image-25.0.2}

if [[ ! -x $HOME_DIR/bin/native-image ]] || ! "$HOME_DIR/bin/native-image" --version >/dev/null 2>&1; then
  [[ -x $TOOLCHAIN/install-from-parts.sh ]] || {
    echo "build-native: ERROR: no native-image at $HOME_DIR and no toolchain at $TOOLCHAIN (set NATIVE_TOOLCHAIN_DIR)" >&2
    exit 1
  }
  echo "build-native: installing the native-image toolchain into $HOME_DIR"
  mkdir -p "$(dirname "$HOME_DIR")"
  "$TOOLCHAIN/install-from-parts.sh" "$TOOLCHAIN/native-parts.tar.zst" "$HOME_DIR.tmp"
  rm -rf "$HOME_DIR"; mv "$HOME_DIR.tmp" "$HOME_DIR"
fi

# NATIVE_QUICK=1: native-image's quick build mode (-Ob), about half the compile time, for a slower executable
quick=()
[[ "${NATIVE_QUICK:-0}" == 1 ]] && quick=(-Dquarkus.native.additional-build-args=-Ob)
start=$(date +%s)
./mvnw -B package -Pnative -Dmaven.test.skip=true -Dquarkus.native.graalvm-home="$HOME_DIR" \
  -Dquarkus.native.native-image-xmx="${NATIVE_IMAGE_XMX:-8g}" "${quick[@]}" "$@" 2>&1 | tee target-native-build.log
status=${PIPESTATUS[0]}
mkdir -p target; mv target-native-build.log target/native-build.log
(( status == 0 )) || { echo "build-native: FAILED (log: target/native-build.log)" >&2; exit "$status"; }
runner=$(ls target/*-runner)
# The ONNX Runtime and tokenizers libraries beside the executable, which loads them from there (see
# semsearch.embedding.native-library-dir) instead of extracting the copies it carries at every start: 35 MB less read,
# and less resident memory. Taken from the very jars the executable was built from.
case "$(uname -m)" in
  x86_64) ort_arch=linux-x64; tokenizers_arch=linux-x86_64 ;;
  aarch64) ort_arch=linux-aarch64; tokenizers_arch=linux-aarch64 ;;
  *) echo "build-native: ERROR: no ONNX Runtime library for $(uname -m)" >&2; exit 1 ;;
esac
jars=$(cd target/*-native-image-source-jar/lib && pwd)
libs=$(mktemp -d)
(cd "$libs" \
 && jar xf "$(ls "$jars"/com.microsoft.onnxruntime.onnxruntime-*.jar)" \
      "ai/onnxruntime/native/$ort_arch/libonnxruntime.so" "ai/onnxruntime/native/$ort_arch/libonnxruntime4j_jni.so" \
 && jar xf "$(ls "$jars"/ai.djl.huggingface.tokenizers-*.jar)" "native/lib/$tokenizers_arch/cpu/libtokenizers.so")
cp "$libs"/ai/onnxruntime/native/$ort_arch/*.so "$libs/native/lib/$tokenizers_arch/cpu/libtokenizers.so" target/
rm -rf "$libs"
echo "build-native: $runner ($(du -m "$runner" | cut -f1) MB, beside it $(cd target && ls libonnxruntime*.so libtokenizers.so | tr '\n' ' ')) built in $(( $(date +%s) - start )) s;" \
  "native-image: $(grep -E 'Peak RSS' target/native-build.log | tail -1 | sed 's/^.*Peak RSS: *//' || true)"
