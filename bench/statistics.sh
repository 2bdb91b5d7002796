# Sourced by the benchmarks. A PostgreSQL with autovacuum off (this CI machine's conf.d/90-ci.conf) never refreshes
# its planner statistics: tables that grew from nothing to tens of thousands of rows during the warm-up are still
# planned as nearly empty, and a look-up of 200 cases by key turns into a scan of the whole table. Production runs
# autovacuum; so that the benchmark measures what production would see, start_statistics does autovacuum's work
# while Legion runs when, and only when, autovacuum is off: every 20 s (autovacuum looks once a minute) it analyzes
# the tables autovacuum would analyze and vacuums those it would vacuum, by autovacuum's own rules and this server's
# settings of them (changes since the last analyze over threshold + scale factor × rows; dead or inserted rows since
# the last vacuum likewise), with autovacuum's cost delay. An `analyze` of the whole database every 20 s, as this
# script did before, re-read tables nothing had changed — pgbench's and the baseline's hundreds of thousands of rows
# in the same database — and took 2.6 s of a core each time, a tenth of the machine during Legion's run.
start_statistics() { # database
  local db=$1
  if [ "$(runuser -u postgres -- psql -tAc "show autovacuum")" = off ]; then
    echo "autovacuum is off on this PostgreSQL: every 20 s, analyzing and vacuuming the tables of $db autovacuum would"
    ( while sleep 20; do autovacuum_once "$db" >/dev/null 2>&1; done ) &
    STATISTICS_PID=$!
  fi
}
# one round of autovacuum's decisions, applied
autovacuum_once() { # database
  local db=$1 table analyze vacuum
  PGPASSWORD=legion psql -h localhost -U legion -d "$db" -tA -F ' ' -c "
    with s as (select name, setting::float8 v from pg_settings where name like 'autovacuum\_%')
    select format('%I.%I', t.schemaname, t.relname),
           t.n_mod_since_analyze > (select v from s where name = 'autovacuum_analyze_threshold')
             + (select v from s where name = 'autovacuum_analyze_scale_factor') * greatest(c.reltuples, 0),
           t.n_dead_tup > (select v from s where name = 'autovacuum_vacuum_threshold')
             + (select v from s where name = 'autovacuum_vacuum_scale_factor') * greatest(c.reltuples, 0)
           or t.n_ins_since_vacuum > (select v from s where name = 'autovacuum_vacuum_insert_threshold')
             + (select v from s where name = 'autovacuum_vacuum_insert_scale_factor') * greatest(c.reltuples, 0)
    from pg_stat_user_tables t join pg_class c on c.oid = t.relid" |
  while read -r table analyze vacuum; do
    if [ "$vacuum" = t ]; then
      PGPASSWORD=legion psql -h localhost -U legion -d "$db" -q \
        -c "set vacuum_cost_delay = '2ms'" -c "set vacuum_cost_limit = 200" \
        -c "vacuum $( [ "$analyze" = t ] && echo "(analyze) ")$table"
    elif [ "$analyze" = t ]; then
      PGPASSWORD=legion psql -h localhost -U legion -d "$db" -q -c "analyze $table"
    fi
  done
}
stop_statistics() {
  [ -n "${STATISTICS_PID:-}" ] && kill "$STATISTICS_PID" 2>/dev/null || true
}
