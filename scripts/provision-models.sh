#!/usr/bin/env bash
# Puts the embedding-model files into models/<name>/, as described by the committed
# descriptors models/<name>/model.properties (see models/README.md).
#
# Usage: scripts/provision-models.sh [NAME...]      (default: every models/*/model.properties)
#
# Per file of a descriptor (keys file.<file>.from / .sha256), in this order:
#   1. keep models/<name>/<file> if its sha256 matches;
#   2. source=huggingface: copy it from ../shared/models/<name>/<file> (next to the repository)
#      if that copy's sha256 matches; else download <from> from the Hugging Face hub at the
#      pinned revision (short connect timeout, into a temp file, sha256-checked, then moved);
#   3. source=maven: fetch the one jar source.artifact with Maven (no transitive dependencies)
#      and extract <from> from it.
# A model that stays incomplete gets ONE warning line. Exit status is non-zero only when no
# model at all is complete. Quiet when everything is already in place.
#
# Environment (all optional):
#   SEMSEARCH_SHARED_DIR   folder holding models/<name>/ copies   (default: <repo>/../shared)
#   HF_ENDPOINT            Hugging Face hub base URL              (default: https://huggingface.co)
#   HF_HUB_OFFLINE=1       never try the hub
#   HF_TOKEN               sent as a bearer token when set
#   HF_CONNECT_TIMEOUT     curl connect timeout in seconds        (default: 10)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODELS_DIR="$ROOT/models"
SHARED_DIR="${SEMSEARCH_SHARED_DIR:-$ROOT/../shared}"
HF_ENDPOINT="${HF_ENDPOINT:-https://huggingface.co}"
HF_CONNECT_TIMEOUT="${HF_CONNECT_TIMEOUT:-10}"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

log()  { printf 'provision-models: %s\n' "$*"; }
warn() { printf 'provision-models: WARNING: %s\n' "$*" >&2; }
die()  { printf 'provision-models: ERROR: %s\n' "$*" >&2; exit 1; }

command -v sha256sum >/dev/null || die "sha256sum (coreutils) is required"

TMP_PATHS=()
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() { local p; for p in "${TMP_PATHS[@]}"; do rm -rf "$p"; done; }
trap cleanup EXIT

LAST_ERR=""
HUB_DOWN=""        # set to a reason once the hub failed to answer; no further attempts this run
[[ "${HF_HUB_OFFLINE:-0}" == "1" ]] && HUB_DOWN="hub not tried (HF_HUB_OFFLINE=1)"

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
# install_tmp TMP DEST: makes TMP world-readable (mktemp creates 0600) and moves it to DEST
install_tmp() { chmod 0644 "$1" && mv -f "$1" "$2"; }
# file_ok PATH SHA256: PATH is a regular file with that sha256
file_ok() { [[ -f "$1" ]] && [[ "$(sha256_of "$1")" == "$2" ]]; }

# Reads a Java .properties file into the associative array PROPS (simple subset: key=value or
# key:value on one line, '#'/'!' comments; values are taken verbatim, escapes not decoded).
declare -A PROPS
read_props() {
  PROPS=()
  local line key val
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line#"${line%%[![:space:]]*}"}"
    [[ -z "$line" || "$line" == \#* || "$line" == \!* ]] && continue
    key="${line%%[=:]*}"; val="${line#*[=:]}"
    key="${key%"${key##*[![:space:]]}"}"
    val="${val#"${val%%[![:space:]]*}"}"
    PROPS["$key"]="$val"
  done <"$1"
}

# extract_member ZIP MEMBER DEST: extracts one member of a zip/jar to the file DEST
extract_member() {
  local zip="$1" member="$2" dest="$3"
  if command -v unzip >/dev/null; then
    unzip -p "$zip" "$member" >"$dest" 2>/dev/null
  elif command -v python3 >/dev/null; then
    python3 -c 'import sys, zipfile, shutil
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as s, open(sys.argv[3], "wb") as d: shutil.copyfileobj(s, d)' \
      "$zip" "$member" "$dest" 2>/dev/null
  elif command -v jar >/dev/null; then
    local x; x="$(mktemp -d "$(dirname "$dest")/.extract.XXXXXX")"; TMP_PATHS+=("$x")
    (cd "$x" && jar xf "$zip" "$member") && [[ -f "$x/$member" ]] && mv -f "$x/$member" "$dest"
  else
    return 2
  fi
}

# hub_fetch LABEL URL DEST: downloads URL into DEST (curl). A quick probe (HEAD, no retry) comes first,
# so an unreachable hub costs at most HF_CONNECT_TIMEOUT seconds and sets HUB_DOWN, which stops
# further attempts in this run.
hub_fetch() {
  local label="$1" url="$2" dest="$3" rc=0 err
  command -v curl >/dev/null || { HUB_DOWN="curl not installed"; return 1; }
  local curl_args=(-fL --silent --show-error --connect-timeout "$HF_CONNECT_TIMEOUT")
  [[ -n "${HF_TOKEN:-}" ]] && curl_args+=(-H "Authorization: Bearer $HF_TOKEN")
  err="$(curl "${curl_args[@]}" --head --max-time $((HF_CONNECT_TIMEOUT * 2)) -o /dev/null "$url" 2>&1)" || rc=$?
  if [[ $rc -eq 0 ]]; then
    log "$label: downloading from the Hugging Face hub"
    err="$(curl "${curl_args[@]}" --retry 2 --speed-limit 10240 --speed-time 30 -o "$dest" "$url" 2>&1)" || rc=$?
  fi
  if [[ $rc -ne 0 ]]; then
    LAST_ERR="$(printf '%s' "$err" | tail -n1)"
    case $rc in
      5|6|7|28|35|56) HUB_DOWN="hub unreachable: $LAST_ERR";;
    esac
    return 1
  fi
}

# provision NAME: returns 0 when the model is complete afterwards
provision() {
  local name="$1" dir="$MODELS_DIR/$1" props="$MODELS_DIR/$1/model.properties"
  [[ -f "$props" ]] || { warn "model $name: no descriptor $props"; return 1; }
  read_props "$props"
  local source="${PROPS[source]:-}" key f sha from
  local files=() missing=() reasons=()
  for key in "${!PROPS[@]}"; do
    [[ "$key" == file.*.from ]] || continue
    f="${key#file.}"; f="${f%.from}"
    [[ -n "${PROPS[file.$f.sha256]:-}" ]] || die "$props: file.$f.from has no file.$f.sha256"
    files+=("$f")
  done
  [[ ${#files[@]} -gt 0 ]] || die "$props: no file.<name>.from entries"
  for f in "${files[@]}"; do
    file_ok "$dir/$f" "${PROPS[file.$f.sha256]}" || missing+=("$f")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0

  for f in "${missing[@]}"; do
    if [[ -e "$dir/$f" ]]; then
      warn "$name/$f has sha256 $(sha256_of "$dir/$f"), the descriptor says ${PROPS[file.$f.sha256]}; it will be replaced if a verified copy can be had"
    fi
  done

  case "$source" in
    huggingface)
      local repo="${PROPS[source.repository]:?$props: source.repository missing}"
      local rev="${PROPS[source.revision]:?$props: source.revision missing}"
      local tmp shared_rel
      shared_rel="../shared/models/$name"; [[ -n "${SEMSEARCH_SHARED_DIR:-}" ]] && shared_rel="$SHARED_DIR/models/$name"
      local not_shared=0 hub_needed=0
      for f in "${missing[@]}"; do
        sha="${PROPS[file.$f.sha256]}"; from="${PROPS[file.$f.from]}"
        tmp="$(mktemp "$dir/.$f.XXXXXX.part")"; TMP_PATHS+=("$tmp")
        if [[ -f "$SHARED_DIR/models/$name/$f" ]]; then
          if cp -f "$SHARED_DIR/models/$name/$f" "$tmp" && [[ "$(sha256_of "$tmp")" == "$sha" ]]; then
            install_tmp "$tmp" "$dir/$f"; log "$name/$f copied from $shared_rel"; continue
          fi
          reasons+=("$f in $shared_rel has the wrong sha256")
        else
          not_shared=1
        fi
        hub_needed=1
        [[ -n "$HUB_DOWN" ]] && continue
        if hub_fetch "$name/$f <- $repo@${rev:0:7}/$from" "$HF_ENDPOINT/$repo/resolve/$rev/$from" "$tmp"; then
          if [[ "$(sha256_of "$tmp")" == "$sha" ]]; then
            install_tmp "$tmp" "$dir/$f"; log "$name/$f downloaded"; continue
          fi
          reasons+=("$f downloaded from the hub has the wrong sha256")
        elif [[ -z "$HUB_DOWN" ]]; then
          reasons+=("$f: download failed: $LAST_ERR")
        fi
      done
      [[ $not_shared -eq 1 ]] && reasons=("not in $shared_rel" "${reasons[@]}")
      [[ $hub_needed -eq 1 && -n "$HUB_DOWN" ]] && reasons+=("Hugging Face $HUB_DOWN")
      ;;
    maven)
      local artifact="${PROPS[source.artifact]:?$props: source.artifact missing}" work jarfile
      if ! "$ROOT/mvnw" -q -v >/dev/null 2>&1; then
        reasons+=("Maven (./mvnw) cannot run, cannot fetch $artifact")
      else
        work="$(mktemp -d "${TMPDIR:-/tmp}/provision-models.XXXXXX")"; TMP_PATHS+=("$work")
        # Run outside the project (no pom.xml): dependency:copy needs no project. One jar only.
        if (cd "$work" && "$ROOT/mvnw" -B -q "$DEPENDENCY_PLUGIN:copy" \
              -Dartifact="$artifact" -Dtransitive=false -DoutputDirectory="$work/out" >"$work/mvn.log" 2>&1); then
          jarfile="$(find "$work/out" -maxdepth 1 -type f -name '*.jar' | head -n1)"
          for f in "${missing[@]}"; do
            sha="${PROPS[file.$f.sha256]}"; from="${PROPS[file.$f.from]}"
            tmp="$(mktemp "$dir/.$f.XXXXXX.part")"; TMP_PATHS+=("$tmp")
            if extract_member "$jarfile" "$from" "$tmp" && [[ "$(sha256_of "$tmp")" == "$sha" ]]; then
              install_tmp "$tmp" "$dir/$f"; log "$name/$f extracted from $artifact ($from)"
            else
              reasons+=("$f: '$from' missing from $artifact or wrong sha256 (or no unzip/python3/jar)")
            fi
          done
        else
          sed 's/^/  mvn: /' "$work/mvn.log" | tail -n 15 >&2
          reasons+=("mvn could not fetch $artifact")
        fi
      fi
      ;;
    *) die "$props: unknown source '$source' (expected huggingface or maven)";;
  esac

  missing=()
  for f in "${files[@]}"; do
    file_ok "$dir/$f" "${PROPS[file.$f.sha256]}" || missing+=("$f")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local msg r sep=" ("
  msg="model $name is incomplete, missing $(IFS=,; printf "%s" "${missing[*]}" | sed "s/,/, /g")"
  for r in "${reasons[@]}"; do msg+="$sep$r"; sep="; "; done
  [[ ${#reasons[@]} -gt 0 ]] && msg+=")"
  if [[ -n "${PROPS[fallback]:-}" ]]; then
    msg+=": the service will fall back to ${PROPS[fallback]}"
  else
    msg+=": the service cannot use it"
  fi
  warn "$msg"
  return 1
}

if [[ $# -gt 0 ]]; then
  names=("$@")
else
  names=()
  shopt -s nullglob
  for p in "$MODELS_DIR"/*/model.properties; do names+=("$(basename "$(dirname "$p")")"); done
  shopt -u nullglob
  [[ ${#names[@]} -gt 0 ]] || die "no descriptors found (models/*/model.properties)"
fi

complete=0
for n in "${names[@]}"; do
  if provision "$n"; then complete=$((complete + 1)); fi
done
[[ $complete -gt 0 ]] || die "no usable embedding model in models/ (see the warnings above and models/README.md)"
exit 0
