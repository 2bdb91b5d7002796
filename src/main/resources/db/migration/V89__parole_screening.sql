-- Convicts screened against the watchlists (legion.parole through legion.screening's published API, ADR 0111):
-- whether a case was screened and against which list versions, and each hit until HQ decides it.
create table parole_screening (
    case_id        uuid         primary key references parole_case (id),
    status         varchar(12)  not null,
    list_versions  varchar(500),
    screened_at    timestamp with time zone
);

create table parole_screening_hit (
    id            uuid          primary key,
    case_id       uuid          not null references parole_case (id),
    list          varchar(20)   not null,
    list_id       varchar(100)  not null,
    matched_name  varchar(400)  not null,
    score         double precision not null,
    status        varchar(12)   not null,
    decided_by    varchar(100),
    decided_at    timestamp with time zone,
    unique (case_id, list, list_id)
);
create index parole_screening_hit_case on parole_screening_hit (case_id, status);
