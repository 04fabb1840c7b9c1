#!/bin/sh
# Which embedding model an image (or this checkout) can run, from models/<name>/model.properties and the files
# present: a model is complete when every file.<f>.sha256 of its descriptor matches.
#
#   check-models.sh MODELS_DIR DEFAULT FALLBACK ALLOW_FALLBACK
#
# Prints the name of the model the service will run and exits 0: DEFAULT when complete; FALLBACK when DEFAULT is
# incomplete, FALLBACK complete and ALLOW_FALLBACK is "true". Otherwise explains on stderr and exits 1.
# POSIX sh + coreutils: runs on the host (scripts/container.sh) and inside docker/Dockerfile.jvm.
set -eu
dir="$1"; default="$2"; fallback="$3"; allow="$4"

is_complete() {
  props="$dir/$1/model.properties"
  [ -f "$props" ] || return 1
  grep -E '^file\..+\.sha256=' "$props" | {
    ok=1; n=0
    while IFS='=' read -r key sha; do
      f="${key#file.}"; f="${f%.sha256}"; n=$((n + 1))
      if [ ! -f "$dir/$1/$f" ] || [ "$(sha256sum "$dir/$1/$f" | cut -d' ' -f1)" != "$sha" ]; then ok=0; fi
    done
    [ "$ok" -eq 1 ] && [ "$n" -gt 0 ]
  }
}

if is_complete "$default"; then
  echo "$default"
elif [ "$allow" = "true" ] && is_complete "$fallback"; then
  echo "check-models: WARNING: $default has no (verified) weights in $dir; the image runs the fallback $fallback" \
    "(English-only: French retrieval relies mostly on its lexical half)" >&2
  echo "$fallback"
elif is_complete "$fallback"; then
  echo "check-models: ERROR: $default has no (verified) weights in $dir (see models/README.md)." \
    "To build an image that runs the English fallback $fallback instead, say so explicitly:" \
    "--build-arg ALLOW_FALLBACK_MODEL=true (scripts/container.sh: SEMSEARCH_ALLOW_FALLBACK_MODEL=true)." >&2
  exit 1
else
  echo "check-models: ERROR: neither $default nor $fallback is complete in $dir; run scripts/provision-models.sh" >&2
  exit 1
fi
