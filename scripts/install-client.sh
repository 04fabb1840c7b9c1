#!/usr/bin/env bash
# Builds the Java client (client/: generated from docs/openapi.json) and installs it into the local Maven repository,
# where the service's tests take it from (test-scope dependency io.semsearch:semsearch-client, profile
# client-for-tests of pom.xml). About 20 s; skipped when the installed jar was built from the same document and pom.
# Takes the arguments of the caller's Maven build and passes on the ones that choose the local repository or offline
# mode (-Dmaven.repo.local=DIR, -o, --offline, -s FILE, --settings FILE), so that the tests find the jar there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { printf 'install-client: ERROR: %s\n' "$*" >&2; exit 1; }

first_version() { sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$1" | head -1; }
version="$(first_version client/pom.xml)"
service_version="$(first_version pom.xml)"
[[ -n "$version" && "$version" == "$service_version" ]] \
  || die "client/pom.xml's version ($version) must be the service's ($service_version): the tests depend on semsearch-client:$service_version"

repo="$HOME/.m2/repository"
maven=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -Dmaven.repo.local=*) repo="${1#-Dmaven.repo.local=}"; maven+=("$1");;
    -o|--offline) maven+=("$1");;
    -s|--settings) maven+=("$1" "${2:-}"); shift;;
    --settings=*) maven+=("$1");;
  esac
  shift
done
jar="$repo/io/semsearch/semsearch-client/$version/semsearch-client-$version.jar"
stamp=client/target/installed.sha256
wanted="$(cat docs/openapi.json client/pom.xml | sha256sum | cut -d' ' -f1) $jar"
if [[ -f "$jar" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  exit 0
fi

mkdir -p client/target
log=client/target/install.log
if ! ./mvnw -B -f client/pom.xml install "${maven[@]}" >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  die "./mvnw -f client/pom.xml install failed (log: $log)"
fi
# (a local repository set in the Maven settings is not looked up: no stamp then, the next run installs again)
[[ -f "$jar" ]] && echo "$wanted" > "$stamp"
echo "install-client: io.semsearch:semsearch-client:$version installed ($jar)"
