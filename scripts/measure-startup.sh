#!/usr/bin/env bash
# issue 17, startup: times the packaged jar from "java -jar" to Boot's "Started ... in X seconds" and to the
# first 200 on /login and to readiness UP (after the ApplicationRunners: demo data on a first start), N first starts (fresh data directory: embedded PostgreSQL initialised, Flyway, demo
# data) and N warm starts (the same data directory), with the JVM's CPU seconds until ready. Local mode, 127.0.0.1 only; stops each run by its PID.
#
#   ./mvnw -B -q package -DskipTests && scripts/measure-startup.sh [runs=3] [extra java options...]
#   e.g. after scripts/cds-archive.sh: WARM_ONLY=1 JAR=/tmp/botilbud-cds/botilbudslaege-0.1.0-SNAPSHOT.jar \
#   scripts/measure-startup.sh 3 -XX:SharedArchiveFile=/tmp/botilbud-cds/app.jsa -XX:TieredStopAtLevel=1 (CDS and C1
#   only, README "Startup"; WARM_ONLY keeps the data directory of an earlier run and makes warm starts only). DATA is
#   deleted before each first start: give one of your own when others measure on the same machine. JAVA picks the
#   JDK (i19-start), e.g. JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java with an AOT cache of scripts/cds-archive.sh:
#   WARM_ONLY=1 JAVA=... JAR=/tmp/botilbud-cds/botilbudslaege-0.1.0-SNAPSHOT.jar scripts/measure-startup.sh 3 \
#   -XX:AOTCache=/tmp/botilbud-cds/app.aot -XX:TieredStopAtLevel=1
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
shift || true
JAR=${JAR:-$(ls target/botilbudslaege-*.jar | head -1)}
JAVA=${JAVA:-java}
PORT=${PORT:-18095}
MAIL_PORT=${MAIL_PORT:-3035}
DATA=${DATA:-/tmp/startup-pg}
LOG=$(mktemp)

now() { date +%s.%N; }

# i18-start: the CPU seconds of the main thread (the thread the launcher starts, named "java" like the launcher's), of the
# JIT compiler threads and of all others: the main thread's CPU is the critical path of a start and, unlike the wall
# time, hardly moves with the load that other builds put on the machine
thread_cpu() {
  local hz main=0 jit=0 other=0 comm t
  hz=$(getconf CLK_TCK)
  for t in /proc/"$1"/task/*; do
    comm=$(cat "$t/comm" 2>/dev/null) || continue
    local c
    c=$(sed 's/^.*) //' "$t/stat" | awk -v hz="$hz" '{print ($12 + $13) / hz}')
    if [ "$comm" = java ] && [ "${t##*/}" != "$1" ]; then
      main=$c
    elif [[ "$comm" == C1\ Compiler* || "$comm" == C2\ Compiler* ]]; then
      jit=$(echo "$jit + $c" | bc)
    else
      other=$(echo "$other + $c" | bc)
    fi
  done
  printf 'main %.2f, JIT %.2f, other %.2f' "$main" "$jit" "$other"
}

# i18-start: after readiness, the first pages a person opens: the login form, signing in (as region-midt) and the start
# page, each in ms; a start that defers work to the first request shows it here
first_pages() {
  local jar base form token signin start
  jar=$(mktemp)
  base="http://127.0.0.1:$PORT"
  form=$(curl -s -c "$jar" -b "$jar" -w '\n%{time_total}' "$base/login")
  token=$(echo "$form" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//;s/"//' | head -1)
  signin=$(curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{time_total}' -d "username=region-midt&password=demo&_csrf=$token" "$base/login")
  start=$(curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{http_code} %{time_total}' "$base/")
  rm -f "$jar"
  printf 'first pages: /login %.0f ms, sign-in %.0f ms, / %s %.0f ms' "$(echo "$form" | tail -1 | awk '{print $1 * 1000}')" \
    "$(echo "$signin" | awk '{print $1 * 1000}')" "${start% *}" "$(echo "${start#* }" | awk '{print $1 * 1000}')"
}

one_start() { # $1 = label
  local t0 pid started login_s
  t0=$(now)
  "$JAVA" "$@" -XX:+ExitOnOutOfMemoryError -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
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
      threads=$(thread_cpu "$pid")
      break
    fi
    sleep 0.05
  done
  pages=$(first_pages)
  started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$LOG" | head -1)
  printf '%-6s /login 200 after %6.2f s, ready after %6.2f s (JVM CPU %6.2f s: %s) | %s | %s\n' "$LABEL" "$login_s" "$ready_s" "$cpu_s" "$threads" "$started" "$pages"
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
