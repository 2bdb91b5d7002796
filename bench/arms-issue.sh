#!/usr/bin/env bash
# Arms issue-rate benchmark (issue 14): weapons issued per second over HTTP at 16 connections on PostgreSQL
# (POST /api/v1/arms/issues as armory-kyiv: HTTP Basic + the current TOTP code in X-Legion-OTP, every rule, a new
# encrypted holder, custody entry, issue, signed receipt seal, audit entry, one durable commit, 201), beside, in the
# same run, the shared plain Spring Boot endpoint doing one durable insert (../shared/bench/baseline, driven by
# bench/intake.lua as bench/intake.sh drives it).
#   flock /tmp/bench.lock bash bench/arms-issue.sh [seconds]     (needs PostgreSQL on localhost, wrk, python3)
#   LEGION_BENCH_JVM_ARGS: JVM options for Legion (e.g. -XX:StartFlightRecording=settings=profile,filename=x.jfr)
#   LEGION_JAR: another build to measure (default target/legion.jar, built when missing: rebuild it after a change).
# Weapons are stocked in advance through the tables as the application writes them (arms_weapon + a RECEIVED
# custody entry): serial IB<run>T<wrk thread>N<n>, one per request; every wrk run (warm-up or measured) has a run
# number of its own, so no serial or holder document is used twice.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-30}
PORT=${PORT:-18097}
DB=legion_bench_arms_issue
SECRET=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
WARM_RUNS=${WARM_RUNS:-12}        # at most this many 10-s warm-up runs
PER_WARM_RUN=${PER_WARM_RUN:-8000} # weapons per wrk thread per warm-up run
PER_RUN=${PER_RUN:-40000}          # weapons per wrk thread in the measured run
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
LEGION_JAR=${LEGION_JAR:-target/legion.jar}
[ -f "$LEGION_JAR" ] || ./mvnw -q -B -ntp -DskipTests package
if [ -z "${BASELINE_SRC:-}" ]; then
  for d in ../shared/bench/baseline ../../shared/bench/baseline; do [ -d "$d" ] && BASELINE_SRC=$d && break; done
fi
[ -d "${BASELINE_SRC:-}" ] || { echo "the shared baseline is missing: set BASELINE_SRC" >&2; exit 2; }
if [ ! -f target/baseline/target/baseline.jar ]; then
  rm -rf target/baseline && mkdir -p target && cp -r "$BASELINE_SRC" target/baseline && chmod -R u+w target/baseline
  ./mvnw -q -B -ntp -f target/baseline/pom.xml -DskipTests package
fi
echo "start $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

psql_admin -c "drop database if exists $DB with (force)"
psql_admin -c "create database $DB owner legion"

# wrk measures the baseline with bench/intake.lua, warmed up by requests done (as bench/intake.sh does)
WARM_REQUESTS=${WARM_REQUESTS:-6000}
echo "== baseline (plain Spring Boot endpoint, one insert) on PostgreSQL, port $PORT"
PGPASSWORD=legion psql -h localhost -U legion -d $DB -q -c "create schema baseline"
java -Xmx1g -jar target/baseline/target/baseline.jar --server.port=$PORT \
  --spring.datasource.url="jdbc:postgresql://localhost:5432/$DB?currentSchema=baseline" --spring.datasource.username=legion \
  --spring.datasource.password=legion --spring.datasource.hikari.maximum-pool-size=16 > /tmp/legion-bench-arms-baseline.log 2>&1 &
BASE=$!
trap 'kill $BASE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' http://localhost:$PORT/api/v1/enlistments && break; sleep 0.5; done
warmed=0; started=$(date +%s)
while [ "$warmed" -lt "$WARM_REQUESTS" ] && [ $(( $(date +%s) - started )) -lt 150 ]; do
  n=$(wrk -t2 -c16 -d10s -s bench/intake.lua http://localhost:$PORT/ | grep RESULT | sed -E 's/.*requests=([0-9]+).*/\1/')
  warmed=$(( warmed + ${n:-0} ))
done
echo "baseline warm-up: $warmed requests in $(( $(date +%s) - started ))s"
python3 bench/cpu.py snap $BASE $DB > /tmp/legion-arms-cpu-baseline-0.json
wrk -t2 -c16 -d"${SECONDS_RUN}s" --latency -s bench/intake.lua http://localhost:$PORT/ | tee /tmp/legion-arms-wrk-baseline.txt | grep RESULT
python3 bench/cpu.py snap $BASE $DB > /tmp/legion-arms-cpu-baseline-1.json
base_line=$(grep RESULT /tmp/legion-arms-wrk-baseline.txt)
base_rps=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$base_line")
python3 bench/cpu.py diff /tmp/legion-arms-cpu-baseline-0.json /tmp/legion-arms-cpu-baseline-1.json \
  "$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$base_line")"
kill $BASE; wait $BASE 2>/dev/null || true

echo "== Legion on PostgreSQL, port $PORT"
java -Xmx1g ${LEGION_BENCH_JVM_ARGS:-} -jar "$LEGION_JAR" --server.port=$PORT --legion.data-dir=target/bench-arms-issue/data \
  --spring.datasource.url=jdbc:postgresql://localhost:5432/$DB --spring.datasource.username=legion \
  --spring.datasource.password=legion --legion.demo.password=bench-password --legion.demo.totp-secret=$SECRET \
  --legion.rate-limit.enabled=false ${LEGION_BENCH_ARGS:-} > /tmp/legion-bench-arms-app.log 2>&1 &
APP=$!
. bench/statistics.sh
start_statistics $DB
trap 'kill $APP 2>/dev/null || true; stop_statistics' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null http://localhost:$PORT/login && break; kill -0 $APP || { echo "Legion did not start: /tmp/legion-bench-arms-app.log" >&2; exit 1; }; sleep 0.5; done

# the weapons, stocked at KYIV-POLICE-01: run 0 is the measured one, runs 1.. the warm-up
PGPASSWORD=legion psql -h localhost -U legion -d $DB -q -v ON_ERROR_STOP=1 <<SQL
create temporary table bench_serial as
  select 'IB0T' || t || 'N' || n as serial from generate_series(1, 2) t, generate_series(1, $PER_RUN) n
  union all
  select 'IB' || r || 'T' || t || 'N' || n from generate_series(1, $WARM_RUNS) r, generate_series(1, 2) t,
    generate_series(1, $PER_WARM_RUN) n;
insert into arms_weapon (id, make, model, calibre, serial, make_key, serial_key, status, point_code, issue_number,
    version, created_at)
select 'bench-' || serial, 'AKM', 'AKM', '7.62x39', serial, 'AKM', serial, 'IN_STOCK',
       'KYIV-POLICE-01', null, 1, now() from bench_serial;
insert into arms_custody (weapon_id, event, at, actor, actor_role, point_code, holder_id, issue_number, rounds,
    magazines, status_after, occurred_at, late, corrects, note)
select 'bench-' || serial, 'RECEIVED', now(), 'armory-kyiv', 'ISSUING_OFFICER', 'KYIV-POLICE-01', null, null, null,
       null, 'IN_STOCK', null, false, null, null from bench_serial;
analyze arms_weapon;
analyze arms_custody;
SQL
echo "stocked: $(PGPASSWORD=legion psql -h localhost -U legion -d $DB -tAc "select count(*) from arms_weapon where id like 'bench-%'") weapons"

AUTH="Basic $(printf 'armory-kyiv:bench-password' | base64)"
# the TOTP codes of the next 40 steps (20 minutes), computed here: wrk's Lua has no HMAC
codes() {
  python3 - "$SECRET" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
step0 = int(time.time()) // 30
out = [str(step0)]
for s in range(step0, step0 + 40):
    h = hmac.new(key, struct.pack(">Q", s), hashlib.sha1).digest()
    o = h[-1] & 15
    out.append("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000))
print(" ".join(out))
PY
}
issue_run() { # run-number duration [wrk options]
  local run=$1 duration=$2; shift 2
  wrk -t2 -c16 -d"$duration" "$@" -s bench/arms-issue.lua http://localhost:$PORT/ -- "$run" "$AUTH" $(codes)
}
# warm-up by work done (at most WARM_RUNS runs or 150 s)
warmed=0; started=$(date +%s); run=1
while [ "$warmed" -lt "$WARM_REQUESTS" ] && [ "$run" -le "$WARM_RUNS" ] && [ $(( $(date +%s) - started )) -lt 150 ]; do
  n=$(issue_run $run 10s 2>>/tmp/legion-bench-arms-wrk.err | grep RESULT | sed -E 's/.*requests=([0-9]+).*/\1/')
  warmed=$(( warmed + ${n:-0} )); run=$(( run + 1 ))
done
echo "warm-up: $warmed requests in $(( $(date +%s) - started ))s"
echo "== wrk: 16 connections, ${SECONDS_RUN}s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/cpu.py snap $APP $DB > /tmp/legion-arms-cpu-0.json
/usr/bin/time -f "wrk (load generator) CPU: %U s user + %S s system in %e s" \
  wrk -t2 -c16 -d"${SECONDS_RUN}s" --latency -s bench/arms-issue.lua http://localhost:$PORT/ -- 0 "$AUTH" $(codes) \
  > /tmp/legion-arms-wrk.txt 2> >(tee -a /tmp/legion-bench-arms-wrk.err >&2)
python3 bench/cpu.py snap $APP $DB > /tmp/legion-arms-cpu-1.json
grep RESULT /tmp/legion-arms-wrk.txt
line=$(grep RESULT /tmp/legion-arms-wrk.txt)
rps=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$line")
python3 bench/cpu.py diff /tmp/legion-arms-cpu-0.json /tmp/legion-arms-cpu-1.json "$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")"
echo "issues stored in the measured run: $(PGPASSWORD=legion psql -h localhost -U legion -d $DB -tAc \
  "select count(*) from arms_weapon where id like 'bench-IB0T%' and status = 'ISSUED'")"
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$rps" "$base_rps" <<'PY'
import sys
rps, base = float(sys.argv[1]), float(sys.argv[2])
print(f"RATIO issues/baseline = {rps / base:.3f} ({rps:.0f} issues/s vs {base:.0f}/s of the plain endpoint)")
PY
