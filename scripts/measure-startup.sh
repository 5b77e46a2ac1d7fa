#!/usr/bin/env bash
# issue 17, startup: times the packaged jar from "java -jar" to Boot's "Started ... in X seconds" and to the
# first 200 on /login and to readiness UP (after the ApplicationRunners: demo data on a first start), N first starts (fresh data directory: embedded PostgreSQL initialised, Flyway, demo
# data) and N warm starts (the same data directory), with the JVM's CPU seconds until ready. Local mode, 127.0.0.1 only; stops each run by its PID.
#
#   ./mvnw -B -q package -DskipTests && scripts/measure-startup.sh [runs=3] [extra java options...]
#   e.g. after scripts/cds-archive.sh: WARM_ONLY=1 JAR=/tmp/botilbud-cds/botilbudslaege-0.1.0-SNAPSHOT.jar \
#   scripts/measure-startup.sh 3 -XX:SharedArchiveFile=/tmp/botilbud-cds/app.jsa -XX:TieredStopAtLevel=1 (CDS and C1
#   only, README "Startup"; WARM_ONLY keeps the data directory of an earlier run and makes warm starts only). DATA is
#   deleted before each first start: give one of your own when others measure on the same machine.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
shift || true
JAR=${JAR:-$(ls target/botilbudslaege-*.jar | head -1)}
PORT=${PORT:-18095}
MAIL_PORT=${MAIL_PORT:-3035}
DATA=${DATA:-/tmp/startup-pg}
LOG=$(mktemp)

now() { date +%s.%N; }

one_start() { # $1 = label
  local t0 pid started login_s
  t0=$(now)
  java "$@" -XX:+ExitOnOutOfMemoryError -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --botilbud.local-db.data-dir="$DATA" --botilbud.local-mail.port="$MAIL_PORT" >"$LOG" 2>&1 &
  pid=$!
  login_s=""
  ready_s=""
  cpu_s=""
  for _ in $(seq 1 3000); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app ended; log: $LOG" >&2; tail -30 "$LOG" >&2; exit 1; fi
    if [ -z "$login_s" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" = 200 ]; then
      login_s=$(echo "$(now) - $t0" | bc)
    fi
    if [ -n "$login_s" ] && curl -s "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q '"UP"'; then
      ready_s=$(echo "$(now) - $t0" | bc)
      # the JVM's own CPU time (user + system) until ready: less at the mercy of a loaded machine than wall time
      cpu_s=$(awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$pid/stat")
      break
    fi
    sleep 0.05
  done
  started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$LOG" | head -1)
  printf '%-6s /login 200 after %6.2f s, ready after %6.2f s (JVM CPU %6.2f s) | %s\n' "$LABEL" "$login_s" "$ready_s" "$cpu_s" "$started"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

ARGS=("$@")
for i in $(seq 1 "$RUNS"); do
  if [ -z "${WARM_ONLY:-}" ]; then
    rm -rf "$DATA"
    LABEL=first one_start "${ARGS[@]}"
  fi
  for j in 1; do LABEL=warm one_start "${ARGS[@]}"; done
done
rm -f "$LOG"
