#!/usr/bin/env bash
# Re-screening benchmark (issue 10, "Measure"): N real cases in PostgreSQL (seeded through the application's own
# repository and encryption, legion.bench.SeedCases, all in vetted stages), a server with the real UN and OFAC lists,
# then a new UN list version (the real file plus one entry matching a seeded authorized volunteer). Measures cases
# re-screened per second and the time from the new version to the last case re-screened, while a light wrk load keeps
# submitting applications; checks that the new hit is found and flagged.
#   flock /tmp/bench.lock bash bench/rescreen.sh [cases] [wrk-connections]
# Needs PostgreSQL on localhost (role legion/legion), wrk. Environment: PORT, LEGION_BENCH_ARGS (extra server
# arguments, e.g. --legion.screening.workers=2), JFR=1 (records target/rescreen.jfr), KEEP=1 (reuse the seeded
# database of the last run: skips seeding and the first screening).
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-100000}
WRK_CONNECTIONS=${2:-2}
PORT=${PORT:-18090}
DB=legion_rescreen
DATA=/tmp/legion-rescreen
LISTS=$DATA/lists
TESTDATA=${TESTDATA:-../shared/testdata}
[ -d "$TESTDATA/watchlists" ] || TESTDATA=/work/shared/testdata
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"; }
q() { PGPASSWORD=legion psql -h localhost -U legion -d $DB -tAc "$1"; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ -f target/legion.jar ] || ./mvnw -q -B -ntp -DskipTests package
[ -f target/test-classes/legion/bench/SeedCases.class ] || ./mvnw -q -B -ntp test-compile
[ -f target/cp.txt ] || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/cp.txt
DS="--spring.datasource.url=jdbc:postgresql://localhost:5432/$DB --spring.datasource.username=legion --spring.datasource.password=legion"

if [ "${KEEP:-0}" != 1 ]; then
  psql_admin -c "do \$\$ begin if not exists (select from pg_roles where rolname = 'legion') then create role legion login password 'legion'; end if; end \$\$;"
  psql_admin -c "drop database if exists $DB with (force)"
  psql_admin -c "create database $DB owner legion"
  rm -rf "$DATA" && mkdir -p "$LISTS"
  cp "$TESTDATA/watchlists/un-consolidated.xml" "$LISTS/un.xml"
  echo "== seeding $CASES cases (SeedCases, 4 threads) at $(date -u +%T)"
  java -Xmx1g -cp "${SEED_CP:-target/classes:target/test-classes}:$(cat target/cp.txt)" legion.bench.SeedCases "$CASES" \
    --legion.data-dir=$DATA $DS --legion.demo.password=bench-password > /tmp/legion-rescreen-seed.log 2>&1 \
    || { echo "seeding failed:"; tail -20 /tmp/legion-rescreen-seed.log; exit 1; }
  grep -E "^(SEEDED|queued)" /tmp/legion-rescreen-seed.log
fi
cp "$TESTDATA/watchlists/un-consolidated.xml" "$LISTS/un.xml" # version 1: the real list as published
V1=$(grep -o 'dateGenerated="[^"]*"' "$LISTS/un.xml" | cut -d'"' -f2)
V2="2026-12-02T00:00:00.000Z"
if [ "${KEEP:-0}" = 1 ]; then # back to the state after the first screening: version 1 current, nothing queued
  q "delete from screening_hit where list = 'un' and list_version = '$V2'; delete from screening_run where list = 'un' and list_version = '$V2';
     update screening_list set version = '$V1' where source = 'un'; delete from screening_work" > /dev/null
fi

JAVA_OPTS=""
if [ "${JFR:-0}" = 1 ]; then JAVA_OPTS="-XX:StartFlightRecording=filename=target/rescreen.jfr,settings=profile"; fi
echo "== Legion on PostgreSQL, port $PORT, lists un=$LISTS/un.xml ofac=$TESTDATA/watchlists/ofac-sdn-snapshot-"
# shellcheck disable=SC2086
java -Xmx1g $JAVA_OPTS -jar ${JAR:-target/legion.jar} --server.port=$PORT --legion.data-dir=$DATA $DS \
  --legion.demo.password=bench-password \
  --legion.rate-limit.per-client-per-minute=100000000 --legion.rate-limit.per-client-burst=100000 \
  --legion.screening.lists=un=$LISTS/un.xml,ofac=$TESTDATA/watchlists/ofac-sdn-snapshot- \
  --legion.screening.reload-interval-ms=2000 ${LEGION_BENCH_ARGS:-} > /tmp/legion-rescreen-app.log 2>&1 &
APP=$!
WRK=""
trap 'kill $APP 2>/dev/null || true; [ -n "$WRK" ] && kill $WRK 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf -o /dev/null http://localhost:$PORT/ && break; sleep 0.5; done

echo "== first screening of the seeded cases (un $V1 + ofac, and duplicates)"
# the node has both lists loaded (its log says so) and the version it loaded is the current one
until [ "$(grep -cE "list '(un|ofac)' version .* loaded" /tmp/legion-rescreen-app.log)" -ge 2 ] \
  && [ "$(q "select count(*) from screening_list where source = 'un' and version = '$V1'")" = 1 ]; do sleep 1; done
while [ "$(q "select count(*) from screening_work")" != 0 ]; do sleep 2; done
q "select 'FIRST screened=' || count(*) || ' seconds=' || round(extract(epoch from max(screened_at) - min(screened_at))::numeric, 1)
   || ' rate=' || round(count(*) / greatest(0.001, extract(epoch from max(screened_at) - min(screened_at)))::numeric, 0) || '/s'
   from screening_run where list = 'un' and list_version = '$V1'"
VETTED=$(q "select count(*) from enlistment where erased_at is null and stage in ('SUBMITTED','IN_REVIEW','INFO_REQUESTED','INTERVIEW','VETTING','APPROVED','AUTHORIZED','ARRIVED','ENLISTED')")
echo "cases in vetted stages: $VETTED"

echo "== intake load: wrk, $WRK_CONNECTIONS connections, for the whole re-screening"
wrk -t1 -c"$WRK_CONNECTIONS" -d1800s --latency -s bench/intake.lua http://localhost:$PORT/ > /tmp/legion-rescreen-wrk.txt 2>&1 &
WRK=$!
sleep 5

python3 - "$LISTS/un.xml" "$LISTS/un.xml.tmp" "$V2" <<'PY'
import sys
src, dst, version = sys.argv[1:4]
xml = open(src, encoding="utf-8").read()
start = xml.index('dateGenerated="') + len('dateGenerated="')
xml = xml[:start] + version + xml[xml.index('"', start):]
added = """<INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>9900001</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>ZEBULON</FIRST_NAME>
      <SECOND_NAME>QUARTERMAINE</SECOND_NAME>
      <UN_LIST_TYPE>TEST</UN_LIST_TYPE>
      <REFERENCE_NUMBER>TEST.001</REFERENCE_NUMBER>
      <LISTED_ON>2026-12-01</LISTED_ON>
      <GENDER>Male</GENDER>
      <NATIONALITY><VALUE>United Kingdom of Great Britain and Northern Ireland</VALUE></NATIONALITY>
      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1982-03-11</DATE></INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>"""
xml = xml.replace("<INDIVIDUALS>", added, 1)
open(dst, "w", encoding="utf-8").write(xml)
PY
START=$(q "select now()")
mv "$LISTS/un.xml.tmp" "$LISTS/un.xml"
echo "== new UN list version $V2 installed at $START (one entry added); re-screening $VETTED cases"
until [ "$(q "select count(*) from screening_list where source = 'un' and version = '$V2'")" = 1 ]; do sleep 0.5; done
while :; do
  done_n=$(q "select count(*) from screening_run r join enlistment e on e.id = r.enlistment_id
              where r.list = 'un' and r.list_version = '$V2' and e.submitted_at < '$START'")
  [ "$done_n" -ge "$VETTED" ] && break
  echo "  $(date -u +%T) re-screened $done_n / $VETTED, queue $(q "select count(*) from screening_work")"
  sleep 10
done
kill -INT $WRK; wait $WRK 2>/dev/null || true; WRK=""
q "select 'RESCREEN cases=' || count(*)
     || ' version_to_last_s=' || round(extract(epoch from max(r.screened_at) - l.loaded_at)::numeric, 1)
     || ' file_to_last_s=' || round(extract(epoch from max(r.screened_at) - timestamptz '$START')::numeric, 1)
     || ' first_to_last_s=' || round(extract(epoch from max(r.screened_at) - min(r.screened_at))::numeric, 1)
     || ' rate=' || round(count(*) / greatest(0.001, extract(epoch from max(r.screened_at) - l.loaded_at))::numeric, 0) || '/s'
   from screening_run r join enlistment e on e.id = r.enlistment_id join screening_list l on l.source = r.list
   where r.list = 'un' and r.list_version = '$V2' and e.submitted_at < '$START' group by l.loaded_at"
grep RESULT /tmp/legion-rescreen-wrk.txt | sed 's/^RESULT/INTAKE/' || { echo "wrk printed no result:"; tail -5 /tmp/legion-rescreen-wrk.txt; }
q "select 'NEW_HIT ' || e.reference || ' stage=' || e.stage || ' list_id=' || h.list_id || ' status=' || h.status
     || ' flagged=' || h.flagged from screening_hit h join enlistment e on e.id = h.enlistment_id
   where h.list = 'un' and h.list_version = '$V2'"
echo "other new hits at $V2: $(q "select count(*) from screening_hit where list = 'un' and list_version = '$V2' and list_id <> '9900001'")"
