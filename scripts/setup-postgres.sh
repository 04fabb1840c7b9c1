#!/usr/bin/env bash
# Ensures a running local PostgreSQL 15 (Debian cluster 15/main on 127.0.0.1:5432) with
# pgvector 0.8.x and unaccent, a login role and the three project databases.
#
# Idempotent, non-interactive and quiet when everything is already in place.
# Needs root (uses sudo -n when not root). Debian 12 (bookworm) only.
#
# Environment (all optional):
#   SEMSEARCH_DB_USER          role to create                     (default: semsearch)
#   SEMSEARCH_DB_PASSWORD      its password (scram over TCP)      (default: semsearch)
#   SEMSEARCH_DB_NAME          service database                   (default: semsearch)
#   SEMSEARCH_TEST_DB_NAME     test database                      (default: semsearch_test)
#   SEMSEARCH_BENCH_DB_NAME    benchmark database                 (default: semsearch_bench)
#   SEMSEARCH_PG_CLUSTER       Debian cluster name                (default: main)
#   SEMSEARCH_PG_PORT          its port                           (default: 5432)
#   SEMSEARCH_DB_NAMES         databases to create, space-separated (default: the three above)
#
# pgvector: Debian 12 ships no pgvector for PostgreSQL 15 that is recent enough, so when the
# extension is missing this script adds a deb-src-only entry for Debian 13 (trixie), using the
# same mirror URI as the machine's existing bookworm entry, downloads the Debian source package
# of pgvector (0.8.x) with `apt-get source` and builds it against PostgreSQL 15 with PGXS.
# No binary package is ever taken from trixie (the entry has Types: deb-src only).
set -euo pipefail

PG_MAJOR=15
PG_CLUSTER="${SEMSEARCH_PG_CLUSTER:-main}"
PG_PORT="${SEMSEARCH_PG_PORT:-5432}"
PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
PG_EXT_DIR="/usr/share/postgresql/${PG_MAJOR}/extension"
PGVECTOR_SERIES="0.8"
TRIXIE_SRC_FILE=/etc/apt/sources.list.d/semsearch-trixie-src.sources

DB_USER="${SEMSEARCH_DB_USER:-semsearch}"
DB_PASSWORD="${SEMSEARCH_DB_PASSWORD:-semsearch}"
if [[ -n "${SEMSEARCH_DB_NAMES:-}" ]]; then
  read -r -a DB_NAMES <<<"$SEMSEARCH_DB_NAMES"
else
  DB_NAMES=("${SEMSEARCH_DB_NAME:-semsearch}" "${SEMSEARCH_TEST_DB_NAME:-semsearch_test}" "${SEMSEARCH_BENCH_DB_NAME:-semsearch_bench}")
fi

export DEBIAN_FRONTEND=noninteractive

log() { printf 'setup-postgres: %s\n' "$*"; }
die() { printf 'setup-postgres: ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- privileges
if [[ "$(id -u)" -eq 0 ]]; then
  AS_ROOT=()
  as_postgres() { runuser -u postgres -- "$@"; }
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS_ROOT=(sudo -n)
  as_postgres() { sudo -n -u postgres -- "$@"; }
else
  die "must run as root, or as a user with password-less sudo (sudo -n); neither is available"
fi
root() { "${AS_ROOT[@]}" "$@"; }

# ---------------------------------------------------------------- apt helpers
APT_UPDATED=0
apt_update() {
  if [[ "$APT_UPDATED" -eq 0 ]]; then
    log "apt-get update"
    local out
    out="$(root env DEBIAN_FRONTEND=noninteractive apt-get update -qq 2>&1)" \
      || { printf '%s\n' "$out" >&2; die "apt-get update failed"; }
    APT_UPDATED=1
  fi
}
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
apt_install() {
  local missing=() p
  for p in "$@"; do is_installed "$p" || missing+=("$p"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  apt_update
  log "apt-get install ${missing[*]}"
  local out
  out="$(root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" 2>&1)" \
    || { printf '%s\n' "$out" >&2; die "apt-get install ${missing[*]} failed"; }
}

# find_bookworm_entry, trixie_deb_src_entry: the mirror URI comes from the machine's own apt sources.
# shellcheck source=lib/apt-sources.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/apt-sources.sh"

# ---------------------------------------------------------------- 1. packages
[[ -r /etc/os-release ]] && . /etc/os-release
if [[ "${VERSION_CODENAME:-}" != "bookworm" ]]; then
  log "WARNING: this script targets Debian 12 (bookworm); found '${PRETTY_NAME:-unknown}', continuing"
fi

NEED_VECTOR=0
if [[ ! -f "$PG_EXT_DIR/vector.control" ]]; then
  NEED_VECTOR=1
  # The deb-src entry must exist before the one 'apt-get update' below.
  wanted="$(trixie_deb_src_entry "# Added by the semsearch project (scripts/setup-postgres.sh) to build pgvector ${PGVECTOR_SERIES}
# for PostgreSQL ${PG_MAJOR} from Debian's source package. Source packages only: apt takes no binary
# package from trixie through this entry.")" || die "no enabled 'deb' entry for suite bookworm found in /etc/apt/sources.list{,.d/*}; cannot derive the mirror URI for the trixie deb-src entry"
  if [[ ! -f "$TRIXIE_SRC_FILE" ]] || [[ "$(cat "$TRIXIE_SRC_FILE")" != "$wanted" ]]; then
    log "adding deb-src entry for trixie ($TRIXIE_SRC_FILE)"
    printf '%s\n' "$wanted" | root tee "$TRIXIE_SRC_FILE" >/dev/null
    APT_UPDATED=0
  fi
fi

apt_install "postgresql-${PG_MAJOR}" "postgresql-client-${PG_MAJOR}"

# ---------------------------------------------------------------- 2. pgvector
if [[ "$NEED_VECTOR" -eq 1 ]]; then
  apt_install "postgresql-server-dev-${PG_MAJOR}" build-essential make gcc dpkg-dev
  apt_update   # the trixie Sources index is needed even if nothing had to be installed
  builddir="$(mktemp -d "${TMPDIR:-/tmp}/pgvector-build.XXXXXX")"
  trap 'rm -rf "$builddir"' EXIT
  # Let apt's sandbox user write the download (avoids the "unsandboxed as root" notice).
  if id _apt >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 ]]; then chown _apt "$builddir"; fi
  log "downloading Debian source package pgvector (trixie)"
  (cd "$builddir" && root apt-get source -qq pgvector/trixie >"$builddir/apt-source.log" 2>&1) \
    || { cat "$builddir/apt-source.log" >&2; die "apt-get source pgvector/trixie failed"; }
  srcdir="$(find "$builddir" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
  [[ -n "$srcdir" ]] || die "pgvector source tree not found after apt-get source"
  srcver="$(sed -n "s/^default_version *= *'\(.*\)'.*/\1/p" "$srcdir/vector.control")"
  [[ "$srcver" == "${PGVECTOR_SERIES}".* ]] \
    || die "Debian trixie ships pgvector '$srcver', expected ${PGVECTOR_SERIES}.x"
  log "building pgvector $srcver for PostgreSQL ${PG_MAJOR}"
  # OPTFLAGS= : no -march=native, so the library also runs on another CPU of this machine kind.
  # with_llvm=no : skip the JIT bitcode (would need clang); the extension itself is unchanged.
  make_args=(PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS= with_llvm=no)
  (cd "$srcdir" && make -s -j"$(nproc)" "${make_args[@]}" >"$builddir/make.log" 2>&1 \
     && root make -s "${make_args[@]}" install >>"$builddir/make.log" 2>&1) \
    || { tail -n 40 "$builddir/make.log" >&2; die "building pgvector failed"; }
  [[ -f "$PG_EXT_DIR/vector.control" ]] || die "pgvector installed but $PG_EXT_DIR/vector.control is missing"
  rm -rf "$builddir"; trap - EXIT
fi
[[ -f "$PG_EXT_DIR/unaccent.control" ]] || die "extension unaccent is missing ($PG_EXT_DIR/unaccent.control); reinstall postgresql-${PG_MAJOR}"
avail_vector="$(sed -n "s/^default_version *= *'\(.*\)'.*/\1/p" "$PG_EXT_DIR/vector.control")"
[[ "$avail_vector" == "${PGVECTOR_SERIES}".* ]] \
  || die "installed pgvector is '$avail_vector', expected ${PGVECTOR_SERIES}.x; remove $PG_EXT_DIR/vector* and re-run"

# ---------------------------------------------------------------- 3. cluster
if ! pg_lsclusters -h 2>/dev/null | awk -v v="$PG_MAJOR" -v c="$PG_CLUSTER" '$1==v && $2==c {f=1} END {exit !f}'; then
  log "creating cluster ${PG_MAJOR}/${PG_CLUSTER}"
  root pg_createcluster --encoding=UTF8 --locale=C.UTF-8 -p "$PG_PORT" "$PG_MAJOR" "$PG_CLUSTER" >/dev/null \
    || die "pg_createcluster ${PG_MAJOR} ${PG_CLUSTER} failed"
fi
cluster_port="$(pg_lsclusters -h | awk -v v="$PG_MAJOR" -v c="$PG_CLUSTER" '$1==v && $2==c {print $3}')"
[[ "$cluster_port" == "$PG_PORT" ]] \
  || die "cluster ${PG_MAJOR}/${PG_CLUSTER} listens on port $cluster_port, expected $PG_PORT (another cluster may own $PG_PORT; see pg_lsclusters)"
if ! pg_lsclusters -h | awk -v v="$PG_MAJOR" -v c="$PG_CLUSTER" '$1==v && $2==c && $4 ~ /^online/ {f=1} END {exit !f}'; then
  log "starting cluster ${PG_MAJOR}/${PG_CLUSTER}"
  root pg_ctlcluster "$PG_MAJOR" "$PG_CLUSTER" start \
    || die "pg_ctlcluster ${PG_MAJOR} ${PG_CLUSTER} start failed; see /var/log/postgresql/postgresql-${PG_MAJOR}-${PG_CLUSTER}.log"
fi
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$PG_PORT" \
  || die "PostgreSQL is not accepting connections on 127.0.0.1:$PG_PORT after 30 s; see /var/log/postgresql/postgresql-${PG_MAJOR}-${PG_CLUSTER}.log"

# ---------------------------------------------------------------- 4. role, databases, extensions
psql_su() {  # psql as the postgres superuser over the local socket; notices hidden
  as_postgres env PGOPTIONS='-c client_min_messages=warning' \
    psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"
}
q() { psql_su -d postgres -tA -v u="$DB_USER" "$@"; }
# sql STATEMENT [psql args...]: runs one statement through stdin so that :'var' interpolation works
sql() { local s="$1"; shift; printf '%s\n' "$s" | q "$@" -f -; }

if [[ "$(sql "select 1 from pg_roles where rolname = :'u'")" != "1" ]]; then
  log "creating role $DB_USER"
fi
# Creates the role if missing; keeps it LOGIN, not superuser. The password is (re)set only when
# a password login over TCP does not work, so a re-run stays a no-op.
printf '%s\n' \
  "select format('create role %I login nosuperuser nocreaterole password %L', :'u', :'p') where not exists (select 1 from pg_roles where rolname = :'u') \\gexec" \
  "select format('alter role %I login nosuperuser', :'u') from pg_roles where rolname = :'u' and (rolsuper or not rolcanlogin) \\gexec" \
  | q -v p="$DB_PASSWORD" -f - >/dev/null

for db in "${DB_NAMES[@]}"; do
  if [[ "$(sql "select 1 from pg_database where datname = :'d'" -v d="$db")" != "1" ]]; then
    log "creating database $db (owner $DB_USER)"
    printf '%s\n' "select format('create database %I owner %I encoding %L template template0', :'d', :'u', 'UTF8') \\gexec" \
      | q -v d="$db" -f - >/dev/null
  fi
  state="$(psql_su -d "$db" -tA -c "select string_agg(extname || '=' || extversion, ',' order by extname) from pg_extension where extname in ('vector','unaccent')" </dev/null)"
  case ",$state," in
    *,unaccent=*,vector=${avail_vector},*) ;;
    *)
      log "creating/updating extensions vector and unaccent in $db"
      psql_su -d "$db" <<'SQL'
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS unaccent;
ALTER EXTENSION vector UPDATE;
SQL
      ;;
  esac
done

# ---------------------------------------------------------------- 5. verify password login over TCP
check_login() {
  PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -w -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" \
    -d "${DB_NAMES[1]:-${DB_NAMES[0]}}" -tA -c "select extversion from pg_extension where extname = 'vector'" </dev/null
}
if ! got="$(check_login 2>/dev/null)"; then
  log "setting password of role $DB_USER"
  printf '%s\n' "select format('alter role %I password %L', :'u', :'p') \\gexec" | q -v p="$DB_PASSWORD" -f - >/dev/null
  got="$(check_login 2>&1)" || die "password login as $DB_USER to 127.0.0.1:$PG_PORT/${DB_NAMES[1]:-${DB_NAMES[0]}} fails: $got
  (check the 'host ... 127.0.0.1/32' lines of /etc/postgresql/${PG_MAJOR}/${PG_CLUSTER}/pg_hba.conf: Debian's default is scram-sha-256)"
fi
[[ "$got" == "${PGVECTOR_SERIES}".* ]] || die "vector extension version in ${DB_NAMES[1]:-${DB_NAMES[0]}} is '$got', expected ${PGVECTOR_SERIES}.x"
