#!/usr/bin/env bash
# Program 2 benchmarks (issue 14), on 2 cores:
#  1. arms-reconcile of 15,000 journal rows against a 20,000-weapon register, made the way ArmsReconcileScaleTest
#     makes them: ten copies of ../shared/testdata/arms/, the digits of every serial of copy k renamed by the k-th
#     permutation of 0-9 (renaming digits keeps every edit distance, so each copy's expected findings are the
#     sample's own) — wall time of the command and the share of rows right against the expected findings.
#  2. GET /api/v1/arms/trace with 1,000,000 custody entries in PostgreSQL (100,000 weapons of 10 entries each,
#     through the append-only table as the application writes it) — p50/p99 over sequential calls of police1.
#   flock /tmp/bench.lock bash bench/arms.sh      (needs PostgreSQL on localhost and python3; builds the jar)
#   SKIP_RECONCILE=1: the trace only
set -euo pipefail
cd "$(dirname "$0")/.."
CALLS=${CALLS:-1000}
# calls before the measured ones: the server is measured compiled (a node serves for days), not while C2 compiles
WARM_CALLS=${WARM_CALLS:-3000}
PORT=${PORT:-18096}
DB=legion_bench_arms
WORK=target/bench-arms
mkdir -p "$WORK"
[ -f target/legion.jar ] || ./mvnw -q -B -ntp -DskipTests package
SAMPLE=""
for d in ../shared/testdata/arms ../../shared/testdata/arms src/test/resources/arms; do
  [ -f "$d/register-sample.csv" ] && SAMPLE=$d && break
done

python3 - "$SAMPLE" "$WORK" <<'PY'
import random, sys
sample, work = sys.argv[1], sys.argv[2]
def lines(name):
    with open(f"{sample}/{name}", encoding="utf-8") as f:
        return f.read().splitlines()
register, journal, expected = lines("register-sample.csv"), lines("journal-sample.csv"), lines("journal-sample-expected.csv")
r = random.Random(20260301)
def rename(s, digits):
    return "".join(digits[int(c)] if c.isdigit() and c.isascii() else c for c in s)
def row(line, digits):
    serial, rest = line.split(",", 1)
    return rename(serial, digits) + "," + rest
big_r, big_j, big_e = [register[0]], [journal[0]], []
for k in range(10):
    digits = list("0123456789")
    r.shuffle(digits)
    big_r += [row(x, digits) for x in register[1:]]
    big_j += [row(x, digits) for x in journal[1:]]
    for e in expected[1:]:
        c = e.split(",")
        big_e.append(c[1] + "," + rename(c[2], digits))
for name, rows in (("register.csv", big_r), ("journal.csv", big_j), ("expected.txt", big_e)):
    with open(f"{work}/{name}", "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
print(f"{len(big_r) - 1} register rows, {len(big_j) - 1} journal rows")
PY

echo "start $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${SKIP_RECONCILE:-}" ]; then
echo "== arms-reconcile, 15,000 journal rows against 20,000 weapons (2 cores)"
start=$(date +%s.%N)
java -XX:ActiveProcessorCount=2 -jar target/legion.jar arms-reconcile --register "$WORK/register.csv" \
     --journal "$WORK/journal.csv" --output "$WORK/findings.csv"
end=$(date +%s.%N)
python3 -c "print('arms-reconcile wall time: %.2f s' % ($end - $start))"
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
got = [l.split(",") for l in open(f"{work}/findings.csv", encoding="utf-8").read().splitlines()[1:]]
exp = open(f"{work}/expected.txt", encoding="utf-8").read().splitlines()
right = sum(1 for g, e in zip(got, exp) if g[1] + "," + g[2] == e)
print("rows right: %d of %d (%.4f)" % (right, len(exp), right / len(exp)))
PY
fi

echo "== trace with 1,000,000 custody entries in PostgreSQL"
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"; }
psql_admin -c "drop database if exists $DB with (force)"
psql_admin -c "create database $DB owner legion"
URL=jdbc:postgresql://localhost:5432/$DB
SECRET=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
java -XX:ActiveProcessorCount=2 -jar target/legion.jar --server.port=$PORT --legion.data-dir="$WORK/data" \
     --spring.datasource.url=$URL --spring.datasource.username=legion --spring.datasource.password=legion \
     --legion.demo.password=bench-password --legion.demo.totp-secret=$SECRET --legion.rate-limit.enabled=false \
     --legion.arms.trace-per-minute=100000000 > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -fs "http://localhost:$PORT/login" >/dev/null 2>&1 && break; sleep 1; done
# 100,000 weapons, each received, then issued and returned in turns (10 entries), at the demo points
PGPASSWORD=legion psql -h localhost -U legion -d $DB -q -v ON_ERROR_STOP=1 <<SQL
insert into arms_weapon (id, make, model, calibre, serial, make_key, serial_key, status, point_code, issue_number,
    version, created_at)
select 'w' || g, 'АКМ', 'АКМ', '7.62x39', 'BN' || g, 'AKM', 'BN' || g, 'IN_STOCK', 'KYIV-POLICE-01', null, 9, now()
from generate_series(1, 100000) g;
insert into arms_custody (weapon_id, event, at, actor, actor_role, point_code, holder_id, issue_number, rounds,
    magazines, status_after, occurred_at, late, corrects, note)
select 'w' || g, case when e = 0 then 'RECEIVED' when e % 2 = 1 then 'ISSUED' else 'RETURNED' end,
       now() - ((10 - e) || ' days')::interval, 'armory-kyiv', 'ISSUING_OFFICER', 'KYIV-POLICE-01', null, null,
       case when e % 2 = 1 then 90 end, case when e % 2 = 1 then 3 end,
       case when e % 2 = 1 then 'ISSUED' else 'IN_STOCK' end, null, false, null, null
from generate_series(1, 100000) g, generate_series(0, 9) e;
analyze arms_weapon;
analyze arms_custody;
SQL
PGPASSWORD=legion psql -h localhost -U legion -d $DB -At -c "select count(*) || ' custody entries' from arms_custody"
python3 - "$PORT" "$SECRET" "$CALLS" "$WARM_CALLS" <<'PY'
# one kept-alive connection, as an investigator's client or the console keeps one: the figure is the server's
import base64, hashlib, hmac, http.client, random, struct, sys, time
port, secret, calls, warm = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def totp():
    key = base64.b32decode(secret)
    h = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    o = h[-1] & 15
    return "%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000)
auth = "Basic " + base64.b64encode(b"police1:bench-password").decode()
r = random.Random(14)
conn = http.client.HTTPConnection("localhost", int(port))
def call():
    path = "/api/v1/arms/trace?make=AKM&serial=BN%d&caseNumber=BENCH-1" % r.randint(1, 100000)
    headers = {"Authorization": auth, "X-Legion-OTP": totp()}
    t = time.perf_counter()
    conn.request("GET", path, headers=headers)
    resp = conn.getresponse()
    body = resp.read()
    dt = time.perf_counter() - t
    if resp.status != 200:
        raise SystemExit("trace answered %d: %s" % (resp.status, body[:200]))
    return dt, body
for _ in range(warm):
    call()
times = []
for _ in range(calls):
    dt, body = call()
    times.append(dt * 1000)
times.sort()
with open("/proc/loadavg") as f:
    load = " ".join(f.read().split()[:3])
print("trace: %d calls, %d bytes, p50 %.1f ms, p99 %.1f ms, max %.1f ms (load average %s)" % (calls, len(body),
      times[len(times) // 2], times[int(len(times) * 0.99) - 1], times[-1], load))
PY
