#!/bin/bash
# Entrypoint of docker/Dockerfile.jvm. With WAIT_FOR=host:port, waits (up to WAIT_FOR_TIMEOUT seconds, default 120)
# until that TCP port accepts connections: the database, whose own entrypoint listens on TCP only once it is
# initialised. Then execs java (PID 1, so that SIGTERM shuts Quarkus down gracefully) with JAVA_OPTS, word-split.
# Arguments go to the application.
set -euo pipefail

if [[ -n "${WAIT_FOR:-}" ]]; then
  host="${WAIT_FOR%:*}"; port="${WAIT_FOR##*:}"
  deadline=$(( SECONDS + ${WAIT_FOR_TIMEOUT:-120} ))
  until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      echo "entrypoint: ERROR: $WAIT_FOR not reachable after ${WAIT_FOR_TIMEOUT:-120} s" >&2
      exit 1
    fi
    sleep 1
  done
fi

echo "entrypoint: models in image: $(cat /deployments/models/IMAGE_MODEL 2>/dev/null || echo unknown)"
# shellcheck disable=SC2086  # JAVA_OPTS holds several options
exec java ${JAVA_OPTS:-} -jar /deployments/quarkus-run.jar "$@"
