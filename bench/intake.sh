#!/usr/bin/env bash
# Intake benchmark (issues 2 and 12): applications accepted per second over HTTP at 16 concurrent clients on
# PostgreSQL, beside, in the same run, the shared plain Spring Boot endpoint doing one durable insert
# (../shared/bench/baseline, the yardstick) and the single-row insert rate pgbench reaches at 16 clients.
#   bash bench/intake.sh [seconds]      (needs: PostgreSQL on localhost, wrk, pgbench; builds target/legion.jar and
#                                        target/baseline/target/baseline.jar)
#   LEGION_BENCH_JVM_ARGS: JVM options for Legion (e.g. a JFR recording), LEGION_BENCH_ARGS: its arguments,
#   LEGION_JAR: another build to measure (default target/legion.jar, built when missing: rebuild it after a change).
#   Besides the rates it prints the CPU milliseconds each request cost (bench/cpu.py): JVM by thread group and the
#   PostgreSQL backends, for the baseline and for Legion; on a shared machine these compare runs better than rates.
#   Legion screens against the real UN list and the OFAC snapshot of ../shared/testdata/watchlists (SCREENING_LISTS
#   to change them, SCREENING_LISTS=none for none); after the measured surge it prints the screening lag of the cases
#   submitted during it (screened_at - submitted_at: p50, p99, max; the target is every case within 10 s).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-30}
PORT=${PORT:-18080}
DB=legion_bench
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install postgresql-contrib" >&2; exit 2; }
LEGION_JAR=${LEGION_JAR:-target/legion.jar}
[ -f "$LEGION_JAR" ] || ./mvnw -q -B -DskipTests package
# the shared baseline sits beside the main checkout (../shared) or beside the worktrees' folder (../../shared)
if [ -z "${BASELINE_SRC:-}" ]; then
  for d in ../shared/bench/baseline ../../shared/bench/baseline; do [ -d "$d" ] && BASELINE_SRC=$d && break; done
fi
[ -d "${BASELINE_SRC:-}" ] || { echo "the shared baseline is missing: set BASELINE_SRC" >&2; exit 2; }
if [ ! -f target/baseline/target/baseline.jar ]; then
  rm -rf target/baseline && mkdir -p target && cp -r "$BASELINE_SRC" target/baseline && chmod -R u+w target/baseline
  ./mvnw -q -B -f target/baseline/pom.xml -DskipTests package
fi

if [ -z "${SCREENING_LISTS:-}" ]; then
  for d in ../shared/testdata ../../shared/testdata /work/shared/testdata; do [ -d "$d/watchlists" ] && TESTDATA=$d && break; done
  [ -d "${TESTDATA:-}" ] || { echo "the shared test data is missing: set SCREENING_LISTS" >&2; exit 2; }
  SCREENING_LISTS="un=$TESTDATA/watchlists/un-consolidated.xml,ofac=$TESTDATA/watchlists/ofac-sdn-snapshot-"
fi
LISTS_ARG=()
[ "$SCREENING_LISTS" = none ] || LISTS_ARG=("--legion.screening.lists=$SCREENING_LISTS")
sql() { PGPASSWORD=legion psql -h localhost -U legion -d $DB -tAc "$1"; }

# Warms up by work done, not by time: on a busy machine ten seconds may be a few hundred requests, far from compiled.
# Both servers get the same number of requests (at most WARM_MAX_SECONDS). On 2 saturated cores the JIT of a large
# application lags far behind: after 6,000 requests (30 s) Legion still spent 0.9 ms of compiler time per request and
# its request threads ran much of their code uncompiled (docs/BENCHMARKS.md, tenth session), so the default is 30,000.
WARM_REQUESTS=${WARM_REQUESTS:-30000}
WARM_MAX_SECONDS=${WARM_MAX_SECONDS:-180}
warm_up() {
  local warmed=0 started n
  started=$(date +%s)
  while [ "$warmed" -lt "$WARM_REQUESTS" ] && [ $(( $(date +%s) - started )) -lt "$WARM_MAX_SECONDS" ]; do
    n=$(wrk -t2 -c16 -d10s -s bench/intake.lua http://localhost:$PORT/ | grep RESULT | sed -E 's/.*requests=([0-9]+).*/\1/')
    warmed=$(( warmed + ${n:-0} ))
  done
  echo "warm-up: $warmed requests in $(( $(date +%s) - started ))s"
}

psql_admin -c "do \$\$ begin if not exists (select from pg_roles where rolname = 'legion') then create role legion login password 'legion'; end if; end \$\$;"
psql_admin -c "drop database if exists $DB with (force)"
psql_admin -c "create database $DB owner legion"
sync_commit=$(runuser -u postgres -- psql -tAc "show synchronous_commit")

echo "== pgbench: single-row inserts, 16 clients, ${SECONDS_RUN}s (synchronous_commit=$sync_commit)"
PGPASSWORD=legion psql -h localhost -U legion -d $DB -q -c "create schema pgbench; create table pgbench.bench_insert (id bigserial primary key, payload text, created_at timestamptz)"
PGPASSWORD=legion pgbench -h localhost -U legion -n -c 16 -j 2 -T "$SECONDS_RUN" -f bench/pgbench-insert.sql $DB > /tmp/legion-pgbench.txt 2>&1
pg_tps=$(grep -E "^tps" /tmp/legion-pgbench.txt | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')
pg_lat=$(grep -E "latency average" /tmp/legion-pgbench.txt | sed -E 's/.*= ([0-9.]+) ms/\1/')
echo "pgbench tps=$pg_tps latency_avg_ms=$pg_lat"

echo "== baseline (plain Spring Boot endpoint, one insert) on PostgreSQL, port $PORT"
# in its own schema: Legion's Flyway wants an empty public schema
PGPASSWORD=legion psql -h localhost -U legion -d $DB -q -c "create schema baseline"
java -Xmx1g -jar target/baseline/target/baseline.jar --server.port=$PORT \
  --spring.datasource.url="jdbc:postgresql://localhost:5432/$DB?currentSchema=baseline" --spring.datasource.username=legion \
  --spring.datasource.password=legion --spring.datasource.hikari.maximum-pool-size=16 > /tmp/legion-bench-baseline.log 2>&1 &
BASE=$!
trap 'kill $BASE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' http://localhost:$PORT/api/v1/enlistments && break; sleep 0.5; done
warm_up
python3 bench/cpu.py snap $BASE $DB > /tmp/legion-cpu-baseline-0.json
wrk -t2 -c16 -d"${SECONDS_RUN}s" --latency -s bench/intake.lua http://localhost:$PORT/ | tee /tmp/legion-wrk-baseline.txt | grep RESULT
python3 bench/cpu.py snap $BASE $DB > /tmp/legion-cpu-baseline-1.json
base_line=$(grep RESULT /tmp/legion-wrk-baseline.txt)
base_rps=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$base_line")
python3 bench/cpu.py diff /tmp/legion-cpu-baseline-0.json /tmp/legion-cpu-baseline-1.json \
  "$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$base_line")"
kill $BASE; wait $BASE 2>/dev/null || true

echo "== Legion on PostgreSQL, port $PORT"
# a data directory of its own, empty each run: the mail of a run is tens of thousands of .eml files (no SMTP server
# here), which would otherwise pile up in the checkout's ./data beside the demo's
rm -rf target/bench-intake/data
# one wrk host stands for thousands of volunteers: lift the per-client limit (the global one stays)
java -Xmx1g ${LEGION_BENCH_JVM_ARGS:-} -jar "$LEGION_JAR" --server.port=$PORT --legion.demo.enabled=false \
  --legion.data-dir=target/bench-intake/data \
  --legion.rate-limit.per-client-per-minute=100000000 --legion.rate-limit.per-client-burst=100000 \
  --spring.datasource.url=jdbc:postgresql://localhost:5432/$DB --spring.datasource.username=legion \
  --spring.datasource.password=legion "${LISTS_ARG[@]}" ${LEGION_BENCH_ARGS:-} > /tmp/legion-bench-app.log 2>&1 &
APP=$!
. bench/statistics.sh
start_statistics $DB
trap 'kill $APP 2>/dev/null || true; stop_statistics' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null http://localhost:$PORT/ && break; kill -0 $APP || { echo "Legion did not start: /tmp/legion-bench-app.log" >&2; exit 1; }; sleep 0.5; done
if [ ${#LISTS_ARG[@]} -gt 0 ]; then
  lists=$(tr ',' '\n' <<<"$SCREENING_LISTS" | grep -c .)
  for _ in $(seq 1 600); do
    [ "$(grep -cE "list '[a-z]+' version .* loaded" /tmp/legion-bench-app.log)" -ge "$lists" ] && break; sleep 0.5
  done
  grep -E "list '[a-z]+' version .* loaded" /tmp/legion-bench-app.log | sed -E 's/.*(list .*loaded).*/\1/'
fi
warm_up
echo "== wrk: 16 connections, ${SECONDS_RUN}s"
python3 bench/cpu.py snap $APP $DB > /tmp/legion-cpu-0.json
# PGSTAT=1: what PostgreSQL spent its time on during the surge (needs pg_stat_statements in shared_preload_libraries)
[ "${PGSTAT:-0}" = 1 ] && psql_admin -d $DB -c "create extension if not exists pg_stat_statements; select pg_stat_statements_reset()" >/dev/null
surge_from=$(sql "select now()")
wrk -t2 -c16 -d"${SECONDS_RUN}s" --latency -s bench/intake.lua http://localhost:$PORT/ | tee /tmp/legion-wrk.txt | grep RESULT
python3 bench/cpu.py snap $APP $DB > /tmp/legion-cpu-1.json
surge_to=$(sql "select now()")
if [ "${PGSTAT:-0}" = 1 ]; then
  echo "== PostgreSQL during the surge: statements by execution time (pg_stat_statements)"
  psql_admin -d $DB -P pager=off -c "select calls, round(total_exec_time::numeric) as ms, round((total_exec_time / calls)::numeric, 3) as ms_each,
      rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110) as statement
    from pg_stat_statements where dbid = (select oid from pg_database where datname = '$DB')
    order by total_exec_time desc limit 25" | tee /tmp/legion-pgstat.txt
fi
line=$(grep RESULT /tmp/legion-wrk.txt)
rps=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$line")
python3 bench/cpu.py diff /tmp/legion-cpu-0.json /tmp/legion-cpu-1.json "$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")"
stored=$(PGPASSWORD=legion psql -h localhost -U legion -d $DB -tAc "select count(*) from enlistment")
echo "stored enlistments: $stored"
python3 - "$rps" "$pg_tps" "$base_rps" <<'PY'
import sys
rps, tps, base = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"RATIO intake/baseline = {rps / base:.3f} ({rps:.0f} applications/s vs {base:.0f}/s of the plain endpoint)")
print(f"RATIO intake/pgbench = {rps / tps:.3f} ({rps:.0f} applications/s vs {tps:.0f} inserts/s)")
PY

echo "== screening lag of the cases submitted during the surge (lists: $SCREENING_LISTS)"
for _ in $(seq 1 600); do
  left=$(sql "select count(*) from enlistment e left join screening_result r on r.enlistment_id = e.id
              where e.submitted_at between '$surge_from' and '$surge_to' and r.enlistment_id is null")
  [ "$left" = 0 ] && break; sleep 0.5
done
sql "select 'LAG cases=' || count(*) || ' unscreened=' || count(*) filter (where r.enlistment_id is null)
       || ' p50=' || round(percentile_cont(0.5) within group (order by extract(epoch from r.screened_at - e.submitted_at))::numeric, 2)
       || 's p99=' || round(percentile_cont(0.99) within group (order by extract(epoch from r.screened_at - e.submitted_at))::numeric, 2)
       || 's max=' || round(max(extract(epoch from r.screened_at - e.submitted_at))::numeric, 2)
       || 's over10s=' || count(*) filter (where r.screened_at - e.submitted_at > interval '10 seconds')
     from enlistment e left join screening_result r on r.enlistment_id = e.id
     where e.submitted_at between '$surge_from' and '$surge_to'"
