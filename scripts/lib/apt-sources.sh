# shellcheck shell=sh
# Reading the machine's (or an image's) own apt sources, so that no mirror host is ever written into the project.
# Sourced by scripts/setup-postgres.sh, scripts/container.sh and docker/Dockerfile.postgres (inside the image, with
# /bin/sh: POSIX shell and awk only).
#
# find_bookworm_entry: prints "URI<TAB>Signed-By" of the first enabled binary ('deb') entry whose suite is exactly
# 'bookworm', looking at deb822 files (*.sources) and then one-line files (sources.list, *.list); returns 1 if none.
# APT_SOURCES_DIR (default /etc/apt) is where to look.
find_bookworm_entry() {
  _dir="${APT_SOURCES_DIR:-/etc/apt}"
  for _f in "$_dir"/sources.list.d/*.sources; do
    [ -f "$_f" ] || continue
    _entry="$(awk '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && suites ~ /(^| )bookworm( |$)/ && enabled != "no" && uris != "") {
          split(uris, u, " "); printf "%s\t%s\n", u[1], signed; found = 1; exit
        }
        types = suites = uris = signed = enabled = ""
      }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      {
        line = $0; key = line; sub(/:.*/, "", key); val = line; sub(/^[^:]*:[ \t]*/, "", val)
        key = tolower(key)
        if (key == "types") types = val
        else if (key == "suites") suites = val
        else if (key == "uris") uris = val
        else if (key == "signed-by") signed = val
        else if (key == "enabled") enabled = tolower(val)
      }
      END { if (!found) flush() }
    ' "$_f" | head -n1)"
    if [ -n "$_entry" ]; then printf '%s\n' "$_entry"; return 0; fi
  done
  for _f in "$_dir"/sources.list "$_dir"/sources.list.d/*.list; do
    [ -f "$_f" ] || continue
    _entry="$(awk '
      /^[ \t]*#/ || NF < 3 || $1 != "deb" { next }
      {
        i = 2; signed = ""
        if ($i ~ /^\[/) {
          while (i <= NF) {
            if ($i ~ /^\[?signed-by=/) { s = $i; sub(/^\[?signed-by=/, "", s); sub(/\]$/, "", s); signed = s }
            if ($i ~ /\]$/) { i++; break }
            i++
          }
        }
        if ($(i + 1) == "bookworm") { printf "%s\t%s\n", $i, signed; exit }
      }
    ' "$_f" | head -n1)"
    if [ -n "$_entry" ]; then printf '%s\n' "$_entry"; return 0; fi
  done
  return 1
}

# trixie_deb_src_entry COMMENT: prints a deb822 stanza for Debian trixie's source packages (Types: deb-src only, so
# apt never takes a binary package from trixie), with the mirror URI and key of the bookworm entry.
trixie_deb_src_entry() {
  _e="$(find_bookworm_entry)" || return 1
  _uri="$(printf '%s' "$_e" | cut -f1)"; _signed="$(printf '%s' "$_e" | cut -f2)"
  printf '%s\nTypes: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\n' "$1" "$_uri"
  if [ -n "$_signed" ]; then printf 'Signed-By: %s\n' "$_signed"; fi
}
