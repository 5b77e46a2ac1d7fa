#!/usr/bin/env bash
# issue 17, startup: a Class Data Sharing archive for the local mode (README "Startup"). Extracts the packaged jar to
# DEST and makes DEST/app.jsa by a training run: the app starts in the local mode on DATA, becomes ready, answers
# /login once, and is stopped with SIGTERM, which stops its embedded PostgreSQL too. (Spring's
# -Dspring.context.exit=onRefresh halts the JVM without its shutdown hooks: the embedded PostgreSQL of such a
# training run keeps running and holds the data directory.) The archive belongs to this JDK and this jar: make it
# again after each build; a stale one is ignored by the JVM, never fatal.
#
#   ./mvnw -B -q package -DskipTests && scripts/cds-archive.sh
#   java -XX:SharedArchiveFile=/tmp/botilbud-cds/app.jsa -jar /tmp/botilbud-cds/botilbudslaege-0.1.0-SNAPSHOT.jar
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-$(ls target/botilbudslaege-*.jar | head -1)}
DEST=${DEST:-/tmp/botilbud-cds}
PORT=${PORT:-18096}
MAIL_PORT=${MAIL_PORT:-3036}
DATA=${DATA:-/tmp/botilbud-cds-pg}
rm -rf "$DEST"
java -Djarmode=tools -jar "$JAR" extract --destination "$DEST" >/dev/null
APP="$DEST/$(basename "$JAR")"
java -XX:ArchiveClassesAtExit="$DEST/app.jsa" -jar "$APP" --server.address=127.0.0.1 --server.port="$PORT" \
  --botilbud.local-db.data-dir="$DATA" --botilbud.local-mail.port="$MAIL_PORT" >"$DEST/training.log" 2>&1 &
pid=$!
for _ in $(seq 1 6000); do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the training run ended; log: $DEST/training.log" >&2; exit 1; fi
  if curl -s "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q '"UP"'; then break; fi
  sleep 0.1
done
curl -s -o /dev/null "http://127.0.0.1:$PORT/login"
kill "$pid"
wait "$pid" 2>/dev/null || true
ls -l "$DEST/app.jsa"
echo "start: java -XX:SharedArchiveFile=$DEST/app.jsa -jar $APP"
