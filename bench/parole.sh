#!/usr/bin/env bash
# Program 3 benchmarks (issue 15), on 2 cores:
#  1. parole-screen of 100,000 synthetic convicts (made like ../shared/testdata/parole/: both notations, spaces,
#     life sentences, responsible posts, excluded offences, a few unreadable rows) — wall time of the command.
#  2. a facility's queue (GET /api/v1/parole/cases) and its eligible-soon list (GET /api/v1/parole/eligible-soon)
#     with 100,000 cases in PostgreSQL — p50/p99 over sequential calls of a signed-in prison officer.
#   flock /tmp/bench.lock bash bench/parole.sh      (needs PostgreSQL on localhost and python3; builds the jar)
#   SCREEN=0 skips part 1; JFR=1 records the node of part 2 (target/bench-parole/node.jfr)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
CALLS=${CALLS:-1000}
# calls of each path before the measured ones: the server is measured compiled (a node serves for days)
WARM_CALLS=${WARM_CALLS:-1000}
PORT=${PORT:-18095}
DB=legion_bench_parole
WORK=target/bench-parole
mkdir -p "$WORK"
[ -f target/legion.jar ] || ./mvnw -q -B -ntp -DskipTests package

python3 - "$N" "$WORK/convicts.csv" <<'PY'
import random, sys, datetime
n, out = int(sys.argv[1]), sys.argv[2]
r = random.Random(15)
plain = ["121:1", "122", "185:4", "186:2", "187:1", "190:3", "289:2", "296:4", "307:2", "115:1", "115:2.6",
         "286-1:3", "185:1"]
excluded = ["115:2.1", "258-3", "114-1", "152:2", "348", "286-1:4", "111"]
def cite(o):
    art, _, rest = o.partition(":")
    if not rest:
        return "ст. " + art
    part, _, item = rest.partition(".")
    return "ст. " + art + " ч. " + part + (" п. " + item if item else "")
base = datetime.date(2026, 1, 1)
with open(out, "w", encoding="utf-8") as f:
    f.write("id,offences,sentence_end,life_sentence,especially_responsible_post\n")
    for i in range(1, n + 1):
        offences = [r.choice(excluded) if r.random() < 0.08 else r.choice(plain) for _ in range(r.randint(1, 3))]
        written = ";".join(cite(o) if r.random() < 0.4 else o for o in offences)
        if r.random() < 0.002:
            written += ";11x"
        life = r.random() < 0.03
        end = "" if life else (base + datetime.timedelta(days=r.randint(-400, 4000))).isoformat()
        if r.random() < 0.01 and end:
            end = end[:8] + "29" if end[5:7] == "02" else end
        post = r.choice(["true", "false", "false", "false", ""]) if r.random() < 0.2 else "false"
        f.write(f"C{i:06d}, {written},{end},{'true' if life else 'false'},{post}\n")
PY

if [ "${SCREEN:-1}" = 1 ]; then
echo "== parole-screen of $N convicts (2 cores)"
start=$(date +%s.%N)
set +e
java -XX:ActiveProcessorCount=2 -jar target/legion.jar parole-screen --input "$WORK/convicts.csv" \
     --output "$WORK/verdicts.csv" --as-of 2026-01-01
code=$?
set -e
end=$(date +%s.%N)
echo "exit $code (1 = some rows INVALID), $(($(wc -l < "$WORK/verdicts.csv") - 1)) verdicts"
python3 -c "print('parole-screen wall time: %.2f s' % ($end - $start))"
cut -d, -f2 "$WORK/verdicts.csv" | sort | uniq -c
fi

echo "== queue and eligible-soon with $N cases in PostgreSQL"
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"; }
psql_admin -c "drop database if exists $DB with (force)"
psql_admin -c "create database $DB owner legion"
URL=jdbc:postgresql://localhost:5432/$DB
SECRET=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
JFR_OPTS=()
[ "${JFR:-0}" = 1 ] && JFR_OPTS=(-XX:+FlightRecorder "-XX:StartFlightRecording=filename=$WORK/node.jfr,settings=profile,dumponexit=true")
java -XX:ActiveProcessorCount=2 "${JFR_OPTS[@]}" -jar target/legion.jar --server.port=$PORT --legion.data-dir="$WORK/data" \
     --spring.datasource.url=$URL --spring.datasource.username=legion --spring.datasource.password=legion \
     --legion.demo.password=bench-password --legion.demo.totp-secret=$SECRET --legion.rate-limit.enabled=false \
     > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null && wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://localhost:$PORT/login" >/dev/null 2>&1 && break; sleep 1; done
# 100,000 cases over 20 facilities (the demo facility holds 5,000 of them), every stage at every facility
# (k = g / 20 numbers a facility's cases); half the APPLIED cases ELIGIBLE_FROM a day spread over 400 days (about
# 50 a month at the demo facility); names as legacy plaintext (the application reads them as it reads values
# written before encryption, and re-encrypts them in the background: the calls wait until that is done)
PGPASSWORD=legion psql -h localhost -U legion -d $DB -q -v ON_ERROR_STOP=1 <<SQL
insert into parole_case (id, reference, facility, stage, version, filed_at, updated_at, full_name, date_of_birth,
    prisoner_number, offences, sentence_end, life_sentence, responsible_post, consent_at, consent_witness,
    policy_version, outcome, eligible_from, rules, crypto_key)
select md5('c' || g)::uuid,
       'PRL-' || upper(substr(lpad(to_hex(g), 8, '0'), 1, 4)) || '-' || upper(substr(lpad(to_hex(g), 8, '0'), 5, 4)),
       case when g % 20 = 0 then 'UA-PRISON-1' else 'UA-PRISON-' || (g % 20 + 100) end,
       (array['APPLIED','APPLIED','APPLIED','SCREENED','EXAMINED','ACCEPTED','PETITIONED','RELEASED','IN_SERVICE',
              'DISCHARGED','NOT_ELIGIBLE','WITHDRAWN'])[(g / 20) % 12 + 1], 0,
       now() - (g || ' minutes')::interval, now(), 'Convict ' || g, '1985-01-01', 'P-' || g, '185:1',
       current_date + (g % 3000), false, false, now(), 'Inspector', 1,
       case when (g / 20) % 12 < 3 and (g / 240) % 2 = 0 then 'ELIGIBLE_FROM' else 'ELIGIBLE' end,
       case when (g / 20) % 12 < 3 and (g / 240) % 2 = 0 then current_date + ((g / 20) * 7) % 400 end, '', 'legacy'
from generate_series(1, $N) g;
analyze parole_case;
SQL
for _ in $(seq 1 300); do
  left=$(PGPASSWORD=legion psql -h localhost -U legion -d $DB -tAc "select count(*) from parole_case where crypto_key = 'legacy'")
  [ "$left" = 0 ] && break; sleep 1
done
echo "legacy rows left to re-encrypt: $left; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$PORT" "$SECRET" "$CALLS" "$WARM_CALLS" <<'PY'
import base64, hashlib, hmac, struct, sys, time, urllib.request
port, secret, calls, warm = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def totp():
    key = base64.b32decode(secret)
    msg = struct.pack(">Q", int(time.time()) // 30)
    h = hmac.new(key, msg, hashlib.sha1).digest()
    o = h[-1] & 15
    return "%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000)
auth = "Basic " + base64.b64encode(b"prison-1:bench-password").decode()
def call(path):
    req = urllib.request.Request("http://localhost:%s%s" % (port, path),
                                 headers={"Authorization": auth, "X-Legion-OTP": totp()})
    t = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        body = r.read()
    return time.perf_counter() - t, body
for path in ["/api/v1/parole/cases", "/api/v1/parole/eligible-soon?days=30",
             "/api/v1/parole/eligible-soon?days=365", "/api/v1/parole/eligible-soon?days=365&limit=100"]:
    for _ in range(warm):
        call(path)
    times = []
    for _ in range(calls):
        dt, body = call(path)
        times.append(dt * 1000)
    times.sort()
    print("%s: %d calls, %d bytes (%d rows), p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (path, calls, len(body),
          body.count(b'"reference"'),
          times[len(times) // 2], times[int(len(times) * 0.99) - 1], times[-1]))
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
