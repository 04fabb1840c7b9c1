#!/usr/bin/env bash
# The service and its database as containers, built and run on this machine (no image registry needed).
#
#   scripts/container.sh build            the database image (PostgreSQL 15 + pgvector) and the service image (JVM)
#   scripts/container.sh up               starts both (building what is missing), waits until the API is ready
#   scripts/container.sh down [--volumes] stops and removes the containers; the data stays unless --volumes
#   scripts/container.sh smoke            build, up, index + ask, down, up (data kept?), down; non-zero on failure
#   scripts/container.sh status | logs [db] | images
#
# Installs what is missing, idempotently, like scripts/setup.sh (as root or with password-less sudo): podman,
# podman-compose, runc, the CNI dnsname plugin (service names such as db resolve between containers only with it; a
# project network made before it is made again), debootstrap (only to make a local base image), curl and jq; writes the two containers.conf
# settings podman needs on this kind of machine (/etc/containers/containers.conf.d/50-semsearch.conf) unless set.
# Uses docker instead when a docker daemon is reachable (and docker compose or docker-compose exists).
#
# Base images (build argument BASE_IMAGE of both Dockerfiles): SEMSEARCH_BASE_IMAGE when set; else the public
# debian:bookworm-slim when it is present or can be pulled; else a local Debian 12 base made once with
# `debootstrap --variant=minbase bookworm` from the mirror of this machine's own apt sources, kept as
# localhost/semsearch-base:bookworm and rebuilt only when missing.
#
# Environment (all optional):
#   SEMSEARCH_CONTAINER_PORT        host port of the API                                       (default 8080;
#                                   smoke: a free port from 18080 up unless set)
#   SEMSEARCH_CONTAINER_BIND        host address the API is published on                      (default 127.0.0.1)
#   SEMSEARCH_CONTAINER_PROJECT     compose project: container, network and volume names      (default semsearch;
#                                   smoke: semsearch-smoke, its volume is removed at the end)
#   SEMSEARCH_CONTAINER_ENGINE      podman or docker                                           (default: see above)
#   SEMSEARCH_CONTAINER_READY_TIMEOUT  seconds `up` waits for the API                          (default 300)
#   SEMSEARCH_BASE_IMAGE            base image of both images                                  (default: see above)
#   SEMSEARCH_ALLOW_FALLBACK_MODEL=true  build a service image that runs the English fallback model e5-small-v2
#                                   when multilingual-e5-small's weights are missing (smoke sets it: it tests the
#                                   containers, not the model)
#   SEMSEARCH_SKIP_BUILD=1          build: use the existing target/quarkus-app (native: target/*-runner) instead of
#                                   running Maven
#   SEMSEARCH_CONTAINER_FLAVOUR     jvm (docker/Dockerfile.jvm, image localhost/semsearch:jvm) or native
#                                   (docker/Dockerfile.native, localhost/semsearch:native: the executable built by
#                                   scripts/build-native.sh, for testing here; see that Dockerfile)  (default jvm)
#   SEMSEARCH_DB_USER, SEMSEARCH_DB_PASSWORD   the service's database role: no superuser, owner of its schema
#                                   (default semsearch / a random password made once per project and kept, readable
#                                   by you only, in ~/.config/semsearch/container-PROJECT.db-password)
# Every other SEMSEARCH_* and QUARKUS_* variable given to `up` (or smoke) is passed to the service container, e.g.
#   SEMSEARCH_SEARCH_RRF_K=20 QUARKUS_LOG_LEVEL=DEBUG scripts/container.sh up
# except this script's own (SEMSEARCH_CONTAINER_*, SEMSEARCH_BASE_IMAGE, SEMSEARCH_ALLOW_FALLBACK_MODEL,
# SEMSEARCH_SKIP_*, SEMSEARCH_DB_*, SEMSEARCH_TEST_DB_NAME, SEMSEARCH_BENCH_DB_NAME, SEMSEARCH_SHARED_DIR) and the
# container wiring (QUARKUS_HTTP_HOST, QUARKUS_HTTP_PORT, QUARKUS_DATASOURCE_JDBC_URL/USERNAME/PASSWORD).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

COMPOSE_FILE="$ROOT/docker/docker-compose.yml"
FLAVOUR="${SEMSEARCH_CONTAINER_FLAVOUR:-jvm}"
[[ "$FLAVOUR" == jvm || "$FLAVOUR" == native ]] || { printf 'container: ERROR: SEMSEARCH_CONTAINER_FLAVOUR is jvm or native, not %s\n' "$FLAVOUR" >&2; exit 1; }
APP_IMAGE="localhost/semsearch:$FLAVOUR"
DB_IMAGE="localhost/semsearch-postgres:15"
LOCAL_BASE_IMAGE="localhost/semsearch-base:bookworm"
PUBLIC_BASE_IMAGE="debian:bookworm-slim"
DEFAULT_MODEL="multilingual-e5-small"
FALLBACK_MODEL="e5-small-v2"

PORT="${SEMSEARCH_CONTAINER_PORT:-8080}"
BIND="${SEMSEARCH_CONTAINER_BIND:-127.0.0.1}"
PROJECT="${SEMSEARCH_CONTAINER_PROJECT:-semsearch}"
READY_TIMEOUT="${SEMSEARCH_CONTAINER_READY_TIMEOUT:-300}"

export DEBIAN_FRONTEND=noninteractive

log() { printf 'container: %s\n' "$*"; }
warn() { printf 'container: WARNING: %s\n' "$*" >&2; }
die() { printf 'container: ERROR: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------------------------------------ privileges, apt
if [[ "$(id -u)" -eq 0 ]]; then
  AS_ROOT=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS_ROOT=(sudo -n)
else
  AS_ROOT=(false)
fi
root() {
  [[ "${AS_ROOT[0]:-}" != "false" ]] || die "needs root (or password-less sudo) for: $*"
  "${AS_ROOT[@]}" "$@"
}

APT_UPDATED=0
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
apt_install() {
  local missing=() p out
  for p in "$@"; do is_installed "$p" || missing+=("$p"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ "$APT_UPDATED" -eq 0 ]]; then
    log "apt-get update"
    out="$(root env DEBIAN_FRONTEND=noninteractive apt-get update -qq 2>&1)" \
      || { printf '%s\n' "$out" >&2; die "apt-get update failed"; }
    APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  out="$(root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" 2>&1)" \
    || { printf '%s\n' "$out" >&2; die "apt-get install ${missing[*]} failed"; }
}

# ------------------------------------------------------------------------------------------------ engine
ENGINE=""
COMPOSE=()

# The two settings podman needs here (MACHINE.md, "Containers"): without them every container fails with
# "setrlimit RLIMIT_NOFILE: Operation not permitted", then "cgroups in hybrid mode not supported" (crun).
configure_podman() {
  local conf=/etc/containers/containers.conf dropin=/etc/containers/containers.conf.d/50-semsearch.conf hard
  if [[ -f "$dropin" ]]; then return 0; fi
  if [[ -f "$conf" ]] && grep -q '^[[:space:]]*default_ulimits' "$conf" && grep -q '^[[:space:]]*runtime[[:space:]]*=' "$conf"; then
    return 0
  fi
  hard="$(ulimit -Hn)"
  [[ "$hard" == "unlimited" ]] && hard=1048576
  log "writing $dropin (nofile=$hard from ulimit -Hn, runtime runc)"
  root mkdir -p "$(dirname "$dropin")"
  printf '%s\n' "# Written by the semsearch project (scripts/container.sh): settings podman needs on this kind of machine." \
    "[containers]" "default_ulimits = [\"nofile=$hard:$hard\", \"nproc=32768:32768\"]" "" \
    "[engine]" "runtime = \"runc\"" | root tee "$dropin" >/dev/null
}

engine() {
  [[ -n "$ENGINE" ]] && return 0
  local wanted="${SEMSEARCH_CONTAINER_ENGINE:-}"
  if [[ -z "$wanted" ]]; then
    if command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; then wanted=docker; else wanted=podman; fi
  fi
  case "$wanted" in
    docker)
      timeout 10 docker info >/dev/null 2>&1 || die "SEMSEARCH_CONTAINER_ENGINE=docker but no docker daemon is reachable"
      if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose)
      elif command -v docker-compose >/dev/null 2>&1; then COMPOSE=(docker-compose)
      else die "docker is reachable but neither 'docker compose' nor 'docker-compose' is installed"; fi
      ;;
    podman)
      # dnsname: podman 4.3 (CNI) resolves the compose services' names (db) only with this plugin
      apt_install podman buildah runc fuse-overlayfs slirp4netns uidmap podman-compose \
        golang-github-containernetworking-plugin-dnsname
      configure_podman
      COMPOSE=(podman-compose)
      recreate_network_without_dns
      BUILD_FORMAT=(--format docker)
      ;;
    *) die "SEMSEARCH_CONTAINER_ENGINE must be podman or docker, not '$wanted'";;
  esac
  ENGINE="$wanted"
  apt_install curl jq
}

ce() { "$ENGINE" "$@"; }

# A compose network made before the dnsname plugin was installed keeps resolving no names: remove it (with the
# project's stopped containers) so that compose makes it again with DNS. Its data volume is kept.
recreate_network_without_dns() {
  local net="${PROJECT}_default" dns
  podman network exists "$net" 2>/dev/null || return 0
  dns="$(podman network inspect --format '{{.DNSEnabled}}' "$net" 2>/dev/null || echo unknown)"
  [[ "$dns" == "false" ]] || return 0
  log "network $net was made without DNS (before the dnsname plugin): removing it so that compose makes it again"
  "${COMPOSE[@]}" -p "$PROJECT" -f "$COMPOSE_FILE" down >/dev/null 2>&1 || true
  podman network rm -f "$net" >/dev/null
}
# podman writes OCI images by default, which drop HEALTHCHECK: build docker-format images.
BUILD_FORMAT=()
image_exists() { ce image inspect "$1" >/dev/null 2>&1; }
compose() { db_password; "${COMPOSE[@]}" -p "$PROJECT" -f "$COMPOSE_FILE" "$@"; }

# The service role's password (compose has no default): SEMSEARCH_DB_PASSWORD, else one made once for the project
# and kept in a file only this user reads. The database gives the role the password it is started with.
db_password() {
  [[ -n "${SEMSEARCH_DB_PASSWORD:-}" ]] && return 0
  local dir="${XDG_CONFIG_HOME:-$HOME/.config}/semsearch" file
  file="$dir/container-$PROJECT.db-password"
  if [[ ! -s "$file" ]]; then
    (umask 077; mkdir -p "$dir"; od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$file")
  fi
  SEMSEARCH_DB_PASSWORD="$(cat "$file")"
  export SEMSEARCH_DB_PASSWORD
}

# ------------------------------------------------------------------------------------------------ base image
BASE=""
choose_base() {
  [[ -n "$BASE" ]] && return 0
  if [[ -n "${SEMSEARCH_BASE_IMAGE:-}" ]]; then
    BASE="$SEMSEARCH_BASE_IMAGE"
  elif image_exists "$PUBLIC_BASE_IMAGE"; then
    BASE="$PUBLIC_BASE_IMAGE"
  elif image_exists "$LOCAL_BASE_IMAGE"; then
    BASE="$LOCAL_BASE_IMAGE"
  elif timeout 60 "$ENGINE" pull -q "$PUBLIC_BASE_IMAGE" >/dev/null 2>&1; then
    BASE="$PUBLIC_BASE_IMAGE"
  else
    log "no registry reachable for $PUBLIC_BASE_IMAGE: making the local base $LOCAL_BASE_IMAGE with debootstrap"
    make_local_base
    BASE="$LOCAL_BASE_IMAGE"
  fi
  log "base image: $BASE"
}

# Debian 12 minbase from the mirror of this machine's apt sources, with those sources copied in (so apt-get works in
# builds), imported as an image. About 1.5 min; done once (kept until the image is removed).
make_local_base() {
  # shellcheck source=scripts/lib/apt-sources.sh
  . "$ROOT/scripts/lib/apt-sources.sh"
  local entry mirror dir started=$SECONDS
  entry="$(find_bookworm_entry)" || die "no enabled 'deb' entry for bookworm in /etc/apt/sources.list{,.d/*}: cannot tell debootstrap which mirror to use"
  mirror="${entry%%$'\t'*}"
  apt_install debootstrap
  dir="$(mktemp -d "${TMPDIR:-/var/tmp}/semsearch-base.XXXXXX")"
  log "debootstrap --variant=minbase bookworm from $mirror"
  if ! root debootstrap --variant=minbase bookworm "$dir" "$mirror" >"$dir.log" 2>&1; then
    tail -n 20 "$dir.log" >&2; root rm -rf "$dir"
    die "debootstrap failed (log: $dir.log)"
  fi
  rm -f "$dir.log"
  root rm -rf "$dir/var/cache/apt/archives/"*.deb "$dir/var/lib/apt/lists/"*
  root rm -f "$dir/etc/apt/sources.list"
  root find "$dir/etc/apt/sources.list.d" -mindepth 1 -delete
  # the machine's own binary entries (deb822 and one-line files); not its extra deb-src entries
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    grep -qE '^[[:space:]]*(Types:([[:space:]]+[^[:space:]]+)*[[:space:]]+deb([[:space:]]|$)|deb[[:space:]])' "$f" || continue
    root cp "$f" "$dir$f"
  done
  root tar --numeric-owner -C "$dir" -c . \
    | ce import --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' - "$LOCAL_BASE_IMAGE" >/dev/null
  root rm -rf "$dir"
  log "local base $LOCAL_BASE_IMAGE made in $(( SECONDS - started )) s ($(image_size "$LOCAL_BASE_IMAGE"))"
}

image_size() { ce image inspect --format '{{.Size}}' "$1" 2>/dev/null | awk '{ printf "%.0f MB", $1 / 1e6 }'; }

# ------------------------------------------------------------------------------------------------ build
# The model the service image will run (docker/check-models.sh); provisions the models first if needed.
image_model() {
  local allow="${SEMSEARCH_ALLOW_FALLBACK_MODEL:-false}"
  if ! sh docker/check-models.sh models "$DEFAULT_MODEL" "$FALLBACK_MODEL" "$allow" >/dev/null 2>&1; then
    scripts/provision-models.sh >&2 || true
  fi
  sh docker/check-models.sh models "$DEFAULT_MODEL" "$FALLBACK_MODEL" "$allow"
}

build() {
  engine
  local t0=$SECONDS t model
  model="$(image_model)" || die "no service image without a usable model (see above)"
  if [[ "$FLAVOUR" == native ]]; then
    if [[ "${SEMSEARCH_SKIP_BUILD:-0}" != "1" ]]; then
      log "scripts/build-native.sh (native executable in target/)"
      t=$SECONDS
      scripts/build-native.sh -q >/dev/null || die "scripts/build-native.sh failed (log: target/native-build.log)"
      log "  native build: $(( SECONDS - t )) s"
    fi
    compgen -G 'target/*-runner' >/dev/null || die "no target/*-runner (run without SEMSEARCH_SKIP_BUILD)"
    for lib in libonnxruntime.so libonnxruntime4j_jni.so libtokenizers.so; do
      [[ -f target/$lib ]] || die "no target/$lib beside the executable (rebuild with scripts/build-native.sh)"
    done
  else
    if [[ "${SEMSEARCH_SKIP_BUILD:-0}" != "1" ]]; then
      log "mvn package (fast-jar in target/quarkus-app)"
      t=$SECONDS
      ./mvnw -B -q -Dstyle.color=never package -Dmaven.test.skip=true || die "mvn package failed"
      log "  Maven: $(( SECONDS - t )) s"
    fi
    [[ -f target/quarkus-app/quarkus-run.jar ]] || die "target/quarkus-app/quarkus-run.jar is missing (run without SEMSEARCH_SKIP_BUILD)"
  fi
  t=$SECONDS; choose_base; log "  base: $(( SECONDS - t )) s"

  t=$SECONDS
  log "building $DB_IMAGE (PostgreSQL 15 + pgvector) on $BASE"
  ce build "${BUILD_FORMAT[@]}" -q --layers -f docker/Dockerfile.postgres --build-arg "BASE_IMAGE=$BASE" -t "$DB_IMAGE" . >/dev/null \
    || die "building $DB_IMAGE failed (rerun: $ENGINE build -f docker/Dockerfile.postgres --build-arg BASE_IMAGE=$BASE .)"
  log "  $DB_IMAGE: $(( SECONDS - t )) s, $(image_size "$DB_IMAGE")"

  t=$SECONDS
  local dockerfile=docker/Dockerfile.$FLAVOUR ignore=() source=()
  # the JVM image takes the jar built above (APP_SOURCE=host) rather than building it again from source
  [[ "$FLAVOUR" == jvm ]] && source=(--build-arg APP_SOURCE=host)
  # podman/buildah read only the context's .dockerignore (which lets target/quarkus-app in); BuildKit finds
  # <Dockerfile>.dockerignore by itself
  [[ "$FLAVOUR" == native && "$ENGINE" == podman ]] && ignore=(--ignorefile "$dockerfile.dockerignore")
  log "building $APP_IMAGE ($FLAVOUR, model $model) on $BASE"
  ce build "${BUILD_FORMAT[@]}" -q --layers -f "$dockerfile" "${ignore[@]}" --build-arg "BASE_IMAGE=$BASE" "${source[@]}" \
      --build-arg "ALLOW_FALLBACK_MODEL=${SEMSEARCH_ALLOW_FALLBACK_MODEL:-false}" \
      --label "io.semsearch.model=$model" -t "$APP_IMAGE" . >/dev/null \
    || die "building $APP_IMAGE failed (rerun: $ENGINE build -f $dockerfile ${ignore[*]} ${source[*]} --build-arg BASE_IMAGE=$BASE .)"
  log "  $APP_IMAGE: $(( SECONDS - t )) s, $(image_size "$APP_IMAGE")"
  log "build done in $(( SECONDS - t0 )) s"
}

# ------------------------------------------------------------------------------------------------ up / down
# api METHOD PATH [curl args...]: a call to the service, with the bootstrap key as bearer token when one is set.
api() {
  local method="$1" path="$2"; shift 2
  local auth=()
  [[ -n "${SEMSEARCH_SECURITY_BOOTSTRAP_KEY:-}" ]] && auth=(-H "Authorization: Bearer $SEMSEARCH_SECURITY_BOOTSTRAP_KEY")
  curl -sS --max-time 120 -X "$method" "${auth[@]}" "$@" "http://127.0.0.1:$PORT$path"
}

# health PATH [curl args...]: a call to the service's management interface (health, metrics: port 9000 inside the
# container, not published), from inside its container.
health() {
  local path="$1" c; shift
  c="$(app_container)"; [[ -n "$c" ]] || return 1
  ce exec "$c" curl -sS --max-time 30 "$@" "http://127.0.0.1:9000$path"
}

# Writes the SEMSEARCH_* / QUARKUS_* settings of this environment (less this script's own and the container
# wiring) to a private env file for the service container; prints its path.
service_env_file() {
  local file name
  file="$(umask 077; mktemp "${TMPDIR:-/tmp}/semsearch-service-env.XXXXXX")"
  while IFS= read -r name; do
    case "$name" in
      SEMSEARCH_CONTAINER_*|SEMSEARCH_BASE_IMAGE|SEMSEARCH_ALLOW_FALLBACK_MODEL|SEMSEARCH_SKIP_*|SEMSEARCH_DB_*\
      |SEMSEARCH_TEST_DB_NAME|SEMSEARCH_BENCH_DB_NAME|SEMSEARCH_SHARED_DIR|SEMSEARCH_SERVICE_ENV_FILE\
      |SEMSEARCH_APP_IMAGE|QUARKUS_HTTP_HOST|QUARKUS_HTTP_PORT|QUARKUS_DATASOURCE_JDBC_URL\
      |QUARKUS_DATASOURCE_USERNAME|QUARKUS_DATASOURCE_PASSWORD) continue;;
    esac
    if [[ "${!name}" == *$'\n'* ]]; then warn "$name holds a newline: not passed to the service"; continue; fi
    printf '%s=%s\n' "$name" "${!name}" >>"$file"
  done < <(compgen -e | grep -E '^(SEMSEARCH|QUARKUS)_' | sort)
  printf '%s\n' "$file"
}

up() {
  engine
  local t0=$SECONDS envfile names
  if ! image_exists "$APP_IMAGE" || ! image_exists "$DB_IMAGE"; then
    log "images missing: building them"
    build
  fi
  port_free "$PORT" || die "port $PORT is in use on this machine: choose another with SEMSEARCH_CONTAINER_PORT"
  envfile="$(service_env_file)"
  names="$(cut -d= -f1 "$envfile" | paste -sd' ' -)"
  log "starting project $PROJECT: service on $BIND:$PORT, database not published${names:+; passing $names}"
  local out rc=0
  out="$(SEMSEARCH_SERVICE_ENV_FILE="$envfile" SEMSEARCH_CONTAINER_PORT="$PORT" SEMSEARCH_CONTAINER_BIND="$BIND" \
    SEMSEARCH_APP_IMAGE="$APP_IMAGE" compose up -d 2>&1)" || rc=$?
  rm -f "$envfile"
  [[ $rc -eq 0 ]] || { printf '%s\n' "$out" >&2; die "compose up failed"; }
  wait_ready "$t0"
}

port_free() {
  if command -v ss >/dev/null 2>&1; then
    if ss -Htln "sport = :$1" 2>/dev/null | grep -q .; then return 1; fi
  elif (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    return 1
  fi
  return 0
}

app_container() { ce ps -a --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}}' | grep -E '[_-]app[_-]1$' | head -n1; }
db_container() { ce ps -a --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}}' | grep -E '[_-]db[_-]1$' | head -n1; }

# Waits until /q/health/ready answers UP and the store holds documents (the sample articles are indexed at start
# when it is empty); prints the model the service runs.
wait_ready() {
  local t0="$1" deadline=$(( SECONDS + READY_TIMEOUT )) ready="" total model
  while (( SECONDS < deadline )); do
    if ready="$(health /q/health/ready -f 2>/dev/null)"; then break; fi
    ready=""
    local c; c="$(app_container)"
    if [[ -n "$c" ]] && [[ "$(ce inspect --format '{{.State.Status}}' "$c" 2>/dev/null)" =~ ^(exited|dead)$ ]] \
        && [[ "$(ce inspect --format '{{.RestartCount}}' "$c" 2>/dev/null || echo 0)" -ge 3 ]]; then
      break
    fi
    sleep 1
  done
  if [[ -z "$ready" ]]; then
    warn "the service is not ready after $(( SECONDS - t0 )) s; its last log lines:"
    logs app 2>&1 | tail -n 40 >&2 || true
    die "service not ready"
  fi
  total="$(api GET '/api/documents?page=0&size=1' | jq -r '.total // empty')"
  model="$(jq -r '[.. | objects | .model? // empty] | first // "unknown"' <<<"$ready")"
  [[ -n "$total" && "$total" -gt 0 ]] || die "the service is ready but its store holds no documents (sample articles not indexed?)"
  log "ready in $(( SECONDS - t0 )) s: http://$BIND:$PORT (model $model, $total documents; API /api; health /q/health/ready on the container's port 9000)"
}

down() {
  engine
  local args=()
  [[ "${1:-}" == "--volumes" || "${1:-}" == "-v" ]] && args=(-v)
  compose down "${args[@]}" >/dev/null 2>&1 || die "compose down failed"
  if [[ ${#args[@]} -gt 0 ]]; then
    ce volume rm -f "${PROJECT}_db-data" >/dev/null 2>&1 || true
    log "project $PROJECT stopped, its data volume removed"
  else
    log "project $PROJECT stopped (data kept in volume ${PROJECT}_db-data)"
  fi
}

# Where the running service of the project is published (for status on a project started with another port).
use_published_port() {
  local c mapping
  c="$(app_container)"; [[ -n "$c" ]] || return 0
  mapping="$(ce port "$c" 8080/tcp 2>/dev/null | head -n1)" || return 0
  [[ -n "$mapping" ]] || return 0
  PORT="${mapping##*:}"; BIND="${mapping%:*}"
}

status() {
  engine
  use_published_port
  ce ps -a --filter "label=com.docker.compose.project=$PROJECT" --format 'table {{.Names}}\t{{.Status}}\t{{.Ports}}'
  if health /q/health/ready -f >/dev/null 2>&1; then
    log "API on $BIND:$PORT: $(health /q/health/ready | jq -c '[.checks[] | {name, status, data}]')"
  else
    log "API on $BIND:$PORT: not answering"
  fi
}

logs() {
  engine
  local c
  if [[ "${1:-app}" == "db" ]]; then c="$(db_container)"; else c="$(app_container)"; fi
  [[ -n "$c" ]] || die "no ${1:-app} container in project $PROJECT"
  ce logs "$c"
}

images() {
  engine
  local i
  for i in "$APP_IMAGE" "$DB_IMAGE" "$LOCAL_BASE_IMAGE" "$PUBLIC_BASE_IMAGE"; do
    image_exists "$i" && printf '%-40s %s%s\n' "$i" "$(image_size "$i")" \
      "$( [[ "$i" == "$APP_IMAGE" ]] && ce image inspect --format ' (model {{index .Config.Labels "io.semsearch.model"}})' "$i")"
  done
  return 0
}

# ------------------------------------------------------------------------------------------------ smoke
# A document with a fact found nowhere else, a question about it, and the fact expected in a cited passage.
SMOKE_SOURCE="smoke/phare-de-kerbrat.txt"
SMOKE_TITLE="Le phare de Kerbrat"
SMOKE_TEXT="Le phare de Kerbrat, sur la côte nord du Finistère, a été allumé pour la première fois en 1872. \
Sa lanterne porte à 42 kilomètres par temps clair.

Le gardien Yves Le Goff a tenu le phare pendant trente et un ans, de 1921 à 1952. \
Depuis son automatisation en 1987, plus personne n'y habite."
SMOKE_QUESTION="Pendant combien d'années le gardien Yves Le Goff a-t-il tenu le phare de Kerbrat ?"
SMOKE_FACT="trente et un ans"

smoke() {
  local t0=$SECONDS t body answer doc_id timings=()
  export SEMSEARCH_ALLOW_FALLBACK_MODEL="${SEMSEARCH_ALLOW_FALLBACK_MODEL:-true}"
  PROJECT="${SEMSEARCH_CONTAINER_PROJECT:-semsearch-smoke}"
  if [[ -z "${SEMSEARCH_CONTAINER_PORT:-}" ]]; then
    PORT=18080
    while ! port_free "$PORT"; do PORT=$(( PORT + 1 )); done
  fi
  # A bootstrap key is harmless while the service has no API keys, and what smoke needs once it has.
  export SEMSEARCH_SECURITY_BOOTSTRAP_KEY="${SEMSEARCH_SECURITY_BOOTSTRAP_KEY:-smoke-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}"

  engine
  # A leftover of an interrupted smoke run must not answer for this one.
  compose down -v >/dev/null 2>&1 || true
  ce volume rm -f "${PROJECT}_db-data" >/dev/null 2>&1 || true
  trap 'smoke_cleanup' EXIT

  t=$SECONDS; build; timings+=("build $(( SECONDS - t )) s")

  t=$SECONDS; up; timings+=("up to ready $(( SECONDS - t )) s (first start: migrations + sample articles)")

  t=$SECONDS
  body="$(jq -n --arg s "$SMOKE_SOURCE" --arg ti "$SMOKE_TITLE" --arg tx "$SMOKE_TEXT" \
    '{source: $s, title: $ti, text: $tx, metadata: {corpus: "smoke"}}')"
  answer="$(api POST /api/documents -H 'Content-Type: application/json' -d "$body" -w '\n%{http_code}')" \
    || die "POST /api/documents failed"
  [[ "$(tail -n1 <<<"$answer")" =~ ^20[01]$ ]] || die "POST /api/documents answered $(tail -n1 <<<"$answer"): $(head -n -1 <<<"$answer")"
  doc_id="$(head -n -1 <<<"$answer" | jq -r '.id')"
  [[ -n "$doc_id" && "$doc_id" != null ]] || die "POST /api/documents gave no id: $answer"
  log "indexed $SMOKE_SOURCE: $(head -n -1 <<<"$answer" | jq -c '{id, chunks, status, model}')"
  timings+=("index $(( SECONDS - t )) s")

  t=$SECONDS
  ask_and_check "after indexing"
  timings+=("ask $(( SECONDS - t )) s")

  t=$SECONDS; down; timings+=("down $(( SECONDS - t )) s")

  t=$SECONDS; up; timings+=("up again $(( SECONDS - t )) s")
  answer="$(api GET "/api/documents/$doc_id" -f)" || die "document $doc_id is gone after down/up: the data volume did not keep it"
  [[ "$(jq -r '.source' <<<"$answer")" == "$SMOKE_SOURCE" ]] || die "document $doc_id after down/up: $answer"
  log "document $doc_id survived down/up (volume ${PROJECT}_db-data)"
  ask_and_check "after down/up"

  t=$SECONDS; down --volumes; timings+=("down $(( SECONDS - t )) s")
  trap - EXIT
  log "SMOKE PASSED in $(( SECONDS - t0 )) s: $(IFS=';'; printf '%s' "${timings[*]}" | sed 's/;/, /g')"
}

ask_and_check() {
  local answer citation
  answer="$(api POST /api/ask -H 'Content-Type: application/json' \
    -d "$(jq -n --arg q "$SMOKE_QUESTION" '{question: $q}')" -f)" || die "POST /api/ask failed ($1)"
  [[ "$(jq -r '.answered' <<<"$answer")" == "true" ]] || die "POST /api/ask did not answer ($1): $answer"
  citation="$(jq -r --arg s "$SMOKE_SOURCE" --arg f "$SMOKE_FACT" \
    '[.citations[] | select(.source == $s and (.text | contains($f)))] | first | .n // empty' <<<"$answer")"
  [[ -n "$citation" ]] || die "no citation of $SMOKE_SOURCE holding \"$SMOKE_FACT\" ($1): $answer"
  log "asked ($1): answered with citation [$citation] of $SMOKE_SOURCE holding \"$SMOKE_FACT\" (model $(jq -r '.model' <<<"$answer"))"
}

smoke_cleanup() {
  local rc=$?
  if [[ $rc -ne 0 ]]; then
    warn "smoke failed; service log (last lines):"
    logs app 2>&1 | tail -n 30 >&2 || true
    compose down -v >/dev/null 2>&1 || true
    ce volume rm -f "${PROJECT}_db-data" >/dev/null 2>&1 || true
    printf 'container: SMOKE FAILED\n' >&2
  fi
}

# ------------------------------------------------------------------------------------------------ main
case "${1:-}" in
  build) build;;
  up) up;;
  down) shift; down "${1:-}";;
  smoke) smoke;;
  status) status;;
  logs) shift; logs "${1:-app}";;
  images) images;;
  *) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2;;
esac
