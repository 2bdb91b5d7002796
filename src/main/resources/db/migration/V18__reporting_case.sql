-- Reporting's own read model (ADR 0042): one row per case with only what the counts group by, fed by the enlistment
-- events (EnlistmentSubmitted and each edge's event). No personal data, no reference. The backfill below runs once,
-- when this version is installed, for the cases that existed before; from then on only the events write here.
create table reporting_case (
    enlistment_id uuid        primary key,
    stage         varchar(20) not null,
    stage_at      timestamp with time zone not null,
    embassy_code  varchar(16) not null,
    nationality   char(2),
    service_role  varchar(30)
);

insert into reporting_case (enlistment_id, stage, stage_at, embassy_code, nationality, service_role)
select id, stage, stage_since, embassy_code, nationality, service_role from enlistment;
