insert into pgbench.bench_insert (payload, created_at) values ('x', now());
