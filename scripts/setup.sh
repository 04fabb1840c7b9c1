#!/usr/bin/env bash
# Prepares this machine to run the service (scripts/run.sh; the tests add scripts/setup-test.sh):
#   1. scripts/setup-postgres.sh   PostgreSQL 15 + pgvector 0.8, role and databases
#   2. scripts/provision-models.sh embedding models in models/
#   3. Tesseract with its French and English models (OCR of scanned PDFs and images), when missing (needs root or
#      password-less sudo; without, a warning: scans and images are then refused with 415)
#   4. on request (SEMSEARCH_STANDBY_PORT set): scripts/setup-standby.sh, a streaming standby of the cluster on 5432
#      on that port, for read replicas (docs/scaling.md)
# then prints one summary line. Idempotent; safe to re-run. Environment: see both scripts
# (SEMSEARCH_DB_USER, SEMSEARCH_DB_PASSWORD, SEMSEARCH_TEST_DB_NAME, HF_HUB_OFFLINE, ...).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup-postgres.sh
scripts/provision-models.sh
ocr_missing=()
for p in tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || ocr_missing+=("$p")
done
if [[ ${#ocr_missing[@]} -gt 0 ]]; then
  if [[ "$(id -u)" -eq 0 ]]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else sudo=(none); fi
  if [[ "${sudo[*]}" == none ]]; then
    echo "setup: WARNING: ${ocr_missing[*]} missing and no root: scans and images will be refused (415)" >&2
  else
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${ocr_missing[@]}" \
      >/dev/null 2>&1 || { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1;
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${ocr_missing[@]}" >/dev/null; } || { echo "setup: ERROR: apt-get install ${ocr_missing[*]} failed" >&2; exit 1; }
  fi
fi
if [[ -n "${SEMSEARCH_STANDBY_PORT:-}" ]]; then
  scripts/setup-standby.sh
fi

# Summary: versions as seen by the project's role over TCP, and the complete models.
versions="$(PGPASSWORD="${SEMSEARCH_DB_PASSWORD:-semsearch}" PGCONNECT_TIMEOUT=5 psql -X -q -w -tA -F ' ' \
  -h 127.0.0.1 -p 5432 -U "${SEMSEARCH_DB_USER:-semsearch}" -d "${SEMSEARCH_TEST_DB_NAME:-semsearch_test}" \
  -c "select current_setting('server_version'), (select extversion from pg_extension where extname = 'vector')" \
  </dev/null)" || { echo "setup: ERROR: cannot query PostgreSQL as ${SEMSEARCH_DB_USER:-semsearch}" >&2; exit 1; }
pg_version="${versions%% *}"; vector_version="${versions##* }"

models=()
for props in models/*/model.properties; do
  dir="$(dirname "$props")"; name="$(basename "$dir")"; ok=1
  # complete = every file.<f>.sha256 of the descriptor is present with that hash
  while IFS='=' read -r key sha; do
    f="${key#file.}"; f="${f%.sha256}"
    if [[ ! -f "$dir/$f" ]] || [[ "$(sha256sum "$dir/$f" | cut -d' ' -f1)" != "$sha" ]]; then ok=0; break; fi
  done < <(grep -E '^file\..+\.sha256=' "$props")
  if [[ $ok -eq 1 ]]; then models+=("$name"); else models+=("$name(incomplete)"); fi
done
echo "setup: PostgreSQL ${pg_version}, pgvector ${vector_version}, models: ${models[*]}"
