#!/usr/bin/env bash
# Outbox over SMTP: how fast queued mail leaves for a relay whose every answer takes DELAY_MS (the round trip to a
# mail server across a network; bench/smtp-sink.py, which keeps nothing). Legion on PostgreSQL, no watchlists;
# SURGE_SECONDS of intake at 16 connections queue one acknowledgement per application, then the script waits until
# the outbox is empty and prints the sender's rate while nothing else ran, and the connections the relay saw.
#   flock /tmp/bench.lock bash bench/mail.sh            (needs PostgreSQL on localhost, wrk, python3)
#   DELAY_MS (default 5), SURGE_SECONDS (default 20), LEGION_JAR (default target/legion.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
DELAY_MS=${DELAY_MS:-5}
SURGE_SECONDS=${SURGE_SECONDS:-20}
PORT=${PORT:-18081}
SMTP_PORT=${SMTP_PORT:-12525}
DB=legion_bench_mail
LEGION_JAR=${LEGION_JAR:-target/legion.jar}
[ -f "$LEGION_JAR" ] || ./mvnw -q -B -DskipTests package
sql() { PGPASSWORD=legion psql -h localhost -U legion -d $DB -tAc "$1"; }
runuser -u postgres -- psql -q -c "drop database if exists $DB with (force)"
runuser -u postgres -- psql -q -c "create database $DB owner legion"

python3 bench/smtp-sink.py $SMTP_PORT "$DELAY_MS" > /tmp/legion-bench-sink.log 2>&1 &
SINK=$!
rm -rf target/bench-mail/data
java -Xmx1g -jar "$LEGION_JAR" --server.port=$PORT --legion.demo.enabled=false --legion.data-dir=target/bench-mail/data \
  --legion.rate-limit.per-client-per-minute=100000000 --legion.rate-limit.per-client-burst=100000 \
  --spring.mail.host=127.0.0.1 --spring.mail.port=$SMTP_PORT \
  --spring.datasource.url=jdbc:postgresql://localhost:5432/$DB --spring.datasource.username=legion \
  --spring.datasource.password=legion > /tmp/legion-bench-mail-app.log 2>&1 &
APP=$!
trap 'kill $APP $SINK 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null http://localhost:$PORT/ && break; kill -0 $APP || { echo "Legion did not start" >&2; exit 1; }; sleep 0.5; done

echo "== $LEGION_JAR: intake for ${SURGE_SECONDS}s, mail to a relay answering after ${DELAY_MS} ms"
# each application a volunteer of their own address (UNIQUE_MAIL=0: one address on all, sent in order on one connection)
UNIQUE_MAIL=${UNIQUE_MAIL:-1} wrk -t2 -c16 -d"${SURGE_SECONDS}s" -s bench/intake.lua http://localhost:$PORT/ | grep RESULT
queued=$(sql "select count(*) from outbox_message")
sent0=$(sql "select count(*) from outbox_message where status = 'SENT'")
t0=$(date +%s.%N)
for _ in $(seq 1 1200); do
  left=$(sql "select count(*) from outbox_message where status <> 'SENT'")
  [ "$left" -eq 0 ] && break
  sleep 0.5
done
t1=$(date +%s.%N)
sent1=$(sql "select count(*) from outbox_message where status = 'SENT'")
kill -USR1 $SINK; sleep 0.5
python3 - "$queued" "$sent0" "$sent1" "$t0" "$t1" <<'PY'
import sys
queued, sent0, sent1, t0, t1 = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print(f"MAIL queued={queued} sent_during_surge={sent0} left_after_surge={queued - sent0} "
      f"drained_in_s={t1 - t0:.1f} rate_after_surge={(sent1 - sent0) / max(t1 - t0, 1e-9):.0f}/s unsent={queued - sent1}")
PY
tail -1 /tmp/legion-bench-sink.log
