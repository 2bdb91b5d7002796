-- Cluster-wide leases of the scheduled jobs (ShedLock's JDBC provider, ADR 0041): one row per job name; a node runs
-- a job only while it holds the row's lease (lock_until in the future, database time).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
