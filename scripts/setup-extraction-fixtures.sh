#!/usr/bin/env bash
# Fixtures of the document-extraction tests and benchmark (io.semsearch.extraction). Idempotent: about 0.1 s when
# everything is in place.
#   1. Debian packages: the French documentation whose HTML pages are test pages (listed with their reference
#      texts in src/test/resources/extraction/debian-pages.tsv), and LibreOffice Writer without GUI.
#   2. target/extraction-fixtures/{pdf,docx,odt}/<id>.<ext>: every test page (the news pages of
#      src/test/resources/extraction/news/ and the Debian pages) converted by LibreOffice, made again when the pages,
#      the manifest, this script or the package versions change.
#   3. target/extraction-fixtures/packages/: the French documentation of other generators (generators.tsv:
#      Asciidoctor, Texinfo, Publican, LibreOffice's help, Scilab's help, Sphinx...), downloaded with apt-get
#      download into target/extraction-fixtures/debs/ and unpacked with dpkg-deb, not installed (some are large).
#   4. target/extraction-fixtures/scans/: scanned versions of real pages for OCR (Tesseract, French and English):
#      the first page of a page's PDF rendered in grey by pdftoppm at 300 dpi (<id>.png; <id>.jpg and <id>.tif for
#      two of them), the same image as a PDF without text layer (<id>.scan.pdf, LibreOffice Draw), and the text of
#      that PDF page (<id>.txt, pdftotext), the reference of the character accuracy. Noise and rotation are added
#      by the benchmark itself (OcrBenchmark), seeded.
# Needs root (uses sudo -n when not root). Debian 12. Environment: EXTRACTION_FIXTURES (default
# target/extraction-fixtures).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(maint-guide-fr debian-reference-fr debian-faq-fr developers-reference-fr aptitude-doc-fr
  libreoffice-writer-nogui libreoffice-draw-nogui unzip tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng poppler-utils)
# unpacked only: read as files, never installed
UNPACKED=(debian-edu-doc-fr debian-handbook kicad-doc-fr lilypond-doc-html-fr libreoffice-help-fr scilab-doc-fr
  ubuntu-packaging-guide-html-fr linuxcnc-doc-fr)
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
# ------------------------------------------------------- unpacked documentation of other generators
mkdir -p "$OUT/debs" "$OUT/packages"
for p in "${UNPACKED[@]}"; do
  version="$(apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: //p')"
  if [[ -z "$version" || "$version" == "(none)" ]]; then
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    version="$(apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: //p')"
  fi
  [[ -n "$version" && "$version" != "(none)" ]] || die "no package $p"
  [[ -f "$OUT/packages/.$p" && "$(cat "$OUT/packages/.$p")" == "$version" ]] && continue
  log "apt-get download $p $version"
  rm -f "$OUT/debs/${p}_"*.deb
  (cd "$OUT/debs" && apt-get download -qq "$p=$version" >/dev/null 2>&1) || die "apt-get download $p failed"
  dpkg-deb -x "$OUT/debs/${p}_"*.deb "$OUT/packages"
  if [[ "$p" == scilab-doc-fr ]]; then
    rm -rf "$OUT/packages/scilab-help"
    mkdir -p "$OUT/packages/scilab-help"
    (cd "$OUT/packages/scilab-help" && unzip -qo ../usr/share/scilab/modules/helptools/jar/scilab_fr_FR_help.jar)
  fi
  printf '%s\n' "$version" >"$OUT/packages/.$p"
done
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
# ---------------------------------------------------------------- scans for OCR
SCANNED=(news-000 news-003 maint-guide-first faq-basic-defs handbook-en)
ENGLISH_PAGE="$OUT/packages/usr/share/doc/debian-handbook/html/en-US/index.html"
scans() {
  local dir ok=1 id
  dir="$(realpath -m "$OUT/scans")"
  for id in "${SCANNED[@]}"; do
    for f in "$id.png" "$id.scan.pdf" "$id.txt"; do [[ -s "$dir/$f" ]] || ok=0; done
  done
  [[ -s "$dir/news-000.jpg" && -s "$dir/maint-guide-first.tif" ]] || ok=0
  [[ $ok -eq 1 && -f "$dir/stamp" && "$(cat "$dir/stamp")" == "$stamp" ]] && return 0
  local tmp
  tmp="$(mktemp -d)"
  mkdir -p "$dir"
  cp "$ENGLISH_PAGE" "$tmp/handbook-en.html"
  timeout 300 soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore \
    --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/handbook-en.html" \
    >"$tmp/soffice.log" 2>&1 || { cat "$tmp/soffice.log" >&2; die "LibreOffice conversion of handbook-en failed"; }
  for id in "${SCANNED[@]}"; do
    local pdf="$OUT/pdf/$id.pdf"
    [[ "$id" == handbook-en ]] && pdf="$tmp/handbook-en.pdf"
    pdftoppm -r 300 -gray -png -f 1 -l 1 -singlefile "$pdf" "$dir/$id"
    pdftotext -f 1 -l 1 -enc UTF-8 "$pdf" "$dir/$id.txt"
  done
  pdftoppm -r 300 -gray -jpeg -f 1 -l 1 -singlefile "$OUT/pdf/news-000.pdf" "$dir/news-000"
  pdftoppm -r 300 -gray -tiff -tiffcompression lzw -f 1 -l 1 -singlefile "$OUT/pdf/maint-guide-first.pdf" \
    "$dir/maint-guide-first"
  for id in "${SCANNED[@]}"; do cp "$dir/$id.png" "$tmp/$id.scan.png"; done
  (cd "$tmp" && timeout 300 soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore \
    --convert-to pdf:draw_pdf_Export --outdir "$dir" ./*.scan.png >"$tmp/soffice-draw.log" 2>&1) \
    || { cat "$tmp/soffice-draw.log" >&2; die "LibreOffice Draw made no scanned PDF"; }
  for id in "${SCANNED[@]}"; do [[ -s "$dir/$id.scan.pdf" ]] || die "no $dir/$id.scan.pdf"; done
  rm -rf "$tmp"
  printf '%s\n' "$stamp" >"$dir/stamp"
  log "${#SCANNED[@]} scanned pages in $dir"
}

if [[ $complete -eq 1 && -f "$OUT/stamp" && "$(cat "$OUT/stamp")" == "$stamp" ]]; then
  scans
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
scans
