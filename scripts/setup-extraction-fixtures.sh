#!/usr/bin/env bash
# Fixtures of the document-extraction tests and benchmark (io.semsearch.extraction). Idempotent: about 0.1 s when
# everything is in place.
#   1. Debian packages: the French documentation whose HTML pages are test pages (listed with their reference
#      texts in src/test/resources/extraction/debian-pages.tsv), and LibreOffice Writer without GUI.
#   2. target/extraction-fixtures/{pdf,docx,odt}/<id>.<ext>: every test page (the news pages of
#      src/test/resources/extraction/news/ and the Debian pages) converted by LibreOffice, made again when the pages,
#      the manifest, this script or the package versions change.
# Needs root (uses sudo -n when not root). Debian 12. Environment: EXTRACTION_FIXTURES (default
# target/extraction-fixtures).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(maint-guide-fr debian-reference-fr debian-faq-fr developers-reference-fr aptitude-doc-fr
  libreoffice-writer-nogui)
OUT="${EXTRACTION_FIXTURES:-target/extraction-fixtures}"
MANIFEST=src/test/resources/extraction/debian-pages.tsv

log() { printf 'setup-extraction-fixtures: %s\n' "$*"; }
die() { printf 'setup-extraction-fixtures: ERROR: %s\n' "$*" >&2; exit 1; }
if [[ "$(id -u)" -eq 0 ]]; then SUDO=(); elif sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
  die "must run as root, or as a user with password-less sudo"; fi

start=$SECONDS
# ---------------------------------------------------------------- packages
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  log "apt-get install ${missing[*]}"
  install() {
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      >/tmp/setup-extraction-fixtures.apt.log 2>&1
  }
  # a fresh machine has no package lists yet: update once, then try again
  install || { "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1; install; } \
    || { cat /tmp/setup-extraction-fixtures.apt.log >&2; die "apt-get install ${missing[*]} failed"; }
fi
packages_done=$SECONDS

# ---------------------------------------------------------------- conversions
pages=()
while IFS=$'\t' read -r id _ file _; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  [[ -f "$file" ]] || die "$file (page $id) is missing"
  pages+=("$id=$file")
done <"$MANIFEST"
for file in src/test/resources/extraction/news/*.html; do
  pages+=("$(basename "$file" .html)=$file")
done

versions="$(dpkg-query -W -f='${Package} ${Version}\n' "${PACKAGES[@]}")"
stamp="$( { printf '%s\n' "$versions"; sha256sum "$0" "$MANIFEST" src/test/resources/extraction/news/*.html; } \
  | sha256sum | cut -d' ' -f1)"
complete=1
for page in "${pages[@]}"; do
  for ext in pdf docx odt; do [[ -s "$OUT/$ext/${page%%=*}.$ext" ]] || complete=0; done
done
if [[ $complete -eq 1 && -f "$OUT/stamp" && "$(cat "$OUT/stamp")" == "$stamp" ]]; then
  log "up to date (${#pages[@]} pages in $OUT)"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$OUT"/{pdf,docx,odt}
for page in "${pages[@]}"; do
  cp "${page#*=}" "$work/in/${page%%=*}.html"
done
convert() { # format filter
  # its own profile: no clash with another LibreOffice running on the machine
  timeout 900 soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
    --infilter="HTML (StarWriter)" --convert-to "$1:$2" --outdir "$OUT/$1" "$work"/in/*.html \
    >"$work/soffice-$1.log" 2>&1 || { cat "$work/soffice-$1.log" >&2; die "LibreOffice conversion to $1 failed"; }
}
convert pdf writer_pdf_Export
convert docx "MS Word 2007 XML"
convert odt writer8
for page in "${pages[@]}"; do
  for ext in pdf docx odt; do
    [[ -s "$OUT/$ext/${page%%=*}.$ext" ]] || die "LibreOffice made no $OUT/$ext/${page%%=*}.$ext"
  done
done
printf '%s\n' "$stamp" >"$OUT/stamp"
printf '%s\n' "$versions" >"$OUT/versions.txt"
log "${#pages[@]} pages as PDF, DOCX and ODT in $OUT (packages $((packages_done - start)) s, conversions" \
  "$((SECONDS - packages_done)) s)"
