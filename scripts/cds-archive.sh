#!/usr/bin/env bash
# issue 17, startup: a Class Data Sharing archive (JDK 17–23) or an AOT cache (JDK 24+, JEP 483/514/515: classes
# loaded and linked ahead of time, plus method profiles on 25+) for the local mode (README "Startup"). Extracts the
# packaged jar to DEST and makes DEST/app.jsa (CDS) or DEST/app.aot (AOT cache) by a training run: the app starts in
# the local mode on DATA, becomes ready, answers /login once, and is stopped with SIGTERM, which stops its embedded
# PostgreSQL too. (Spring's -Dspring.context.exit=onRefresh halts the JVM without its shutdown hooks: the embedded
# PostgreSQL of such a training run keeps running and holds the data directory.) The archive or cache belongs to
# this JDK and this jar: make it again after each build or JDK update; a stale one is ignored by the JVM (CDS, and
# -XX:AOTCache with the default -XX:AOTMode=auto), never fatal. JAVA picks the JDK (i19-start); arguments are JVM options
# of the training run, which the start must repeat (e.g. -Dspring.aot.enabled=true for a jar built with -Paot).
#
#   ./mvnw -B -q package -DskipTests && scripts/cds-archive.sh
#   java -XX:SharedArchiveFile=/tmp/botilbud-cds/app.jsa -jar /tmp/botilbud-cds/botilbudslaege-0.1.0-SNAPSHOT.jar
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java scripts/cds-archive.sh      (JDK 25: the AOT cache)
#   /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -XX:AOTCache=/tmp/botilbud-cds/app.aot -XX:TieredStopAtLevel=1 \
#     -jar /tmp/botilbud-cds/botilbudslaege-0.1.0-SNAPSHOT.jar
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-$(ls target/botilbudslaege-*.jar | head -1)}
JAVA=${JAVA:-java}
DEST=${DEST:-/tmp/botilbud-cds}
PORT=${PORT:-18096}
MAIL_PORT=${MAIL_PORT:-3036}
DATA=${DATA:-/tmp/botilbud-cds-pg}
# i19-start: the JDK's feature version (17, 21, 25, ...) picks CDS or the AOT cache
FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
rm -rf "$DEST"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST" >/dev/null
APP="$DEST/$(basename "$JAR")"

OPTS=("$@")
train() { # the JVM options that record; then a full start, one request, SIGTERM
  "$JAVA" "$@" ${OPTS[@]+"${OPTS[@]}"} -jar "$APP" --server.address=127.0.0.1 --server.port="$PORT" \
    --botilbud.local-db.data-dir="$DATA" --botilbud.local-mail.port="$MAIL_PORT" >"$DEST/training.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 6000); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the training run ended; log: $DEST/training.log" >&2; exit 1; fi
    if curl -s "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q '"UP"'; then break; fi
    sleep 0.1
  done
  curl -s -o /dev/null "http://127.0.0.1:$PORT/login"
  kill "$pid"
  # on JDK 25 the JVM assembles the cache after the app has stopped (a child JVM; some 10-30 s)
  wait "$pid" 2>/dev/null || true
}

if [ "$FEATURE" -ge 25 ]; then
  train -XX:AOTCacheOutput="$DEST/app.aot"
  FLAG="-XX:AOTCache=$DEST/app.aot"
elif [ "$FEATURE" -ge 24 ]; then
  # JDK 24 (not measured here): record a configuration, then create the cache from it in a second, short run
  train -XX:AOTMode=record -XX:AOTConfiguration="$DEST/app.aotconf"
  "$JAVA" -XX:AOTMode=create -XX:AOTConfiguration="$DEST/app.aotconf" -XX:AOTCache="$DEST/app.aot" -jar "$APP" \
    >>"$DEST/training.log" 2>&1
  FLAG="-XX:AOTCache=$DEST/app.aot"
else
  train -XX:ArchiveClassesAtExit="$DEST/app.jsa"
  FLAG="-XX:SharedArchiveFile=$DEST/app.jsa"
fi
ls -l "${FLAG#*=}"
# i19-start: DEST/start runs the local mode with the archive or cache, the training run's options and C1 only (never
# in production, where C2's peak speed counts); its arguments go to the app, e.g. DEST/start --server.port=8081
LINE="exec '$JAVA' '$FLAG'"
for o in ${OPTS[@]+"${OPTS[@]}"}; do LINE="$LINE '$o'"; done
printf '#!/bin/sh\n%s -XX:TieredStopAtLevel=1 -jar %s "$@"\n' "$LINE" "'$APP'" >"$DEST/start"
chmod +x "$DEST/start"
echo "start: $JAVA $FLAG ${OPTS[*]-} -jar $APP"
echo "local mode, fastest warm start (C1 only; never in production): $DEST/start"
