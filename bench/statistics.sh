# Sourced by the benchmarks. A PostgreSQL with autovacuum off (this CI machine's conf.d/90-ci.conf) never refreshes
# its planner statistics: tables that grew from nothing to tens of thousands of rows during the warm-up are still
# planned as nearly empty, and a look-up of 200 cases by key turns into a scan of the whole table. Production runs
# autovacuum; so that the benchmark measures what production would see, start_statistics analyzes the database
# every 20 s while Legion runs when, and only when, autovacuum is off, as autovacuum's analyze would.
start_statistics() { # database
  local db=$1
  if [ "$(runuser -u postgres -- psql -tAc "show autovacuum")" = off ]; then
    echo "autovacuum is off on this PostgreSQL: analyzing $db every 20 s, as autovacuum would"
    ( while sleep 20; do PGPASSWORD=legion psql -h localhost -U legion -d "$db" -q -c analyze >/dev/null 2>&1; done ) &
    STATISTICS_PID=$!
  fi
}
stop_statistics() {
  [ -n "${STATISTICS_PID:-}" ] && kill "$STATISTICS_PID" 2>/dev/null || true
}
