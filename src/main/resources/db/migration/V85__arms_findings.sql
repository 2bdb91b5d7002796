-- Arms register: journals uploaded in the console, their findings (the arms-reconcile engine) as a queue for the
-- registry supervisor, and anomalies flagged by the register itself (offline desks' conflicts, lost or stolen
-- weapons seen again). No personal data: serials, makes, row numbers and codes only.
create table arms_journal (
    id           varchar(36)  primary key,
    file_name    varchar(200) not null,
    rows_read    integer      not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamp with time zone not null
);

create table arms_finding (
    id              varchar(36)  primary key,
    source          varchar(20)  not null,      -- JOURNAL, OFFLINE_DESK, REGISTER
    journal_id      varchar(36)  references arms_journal (id),
    journal_row     integer,
    kind            varchar(40)  not null,      -- MATCHED…UNKNOWN_SERIAL, or the register's own anomaly kinds
    make            varchar(60),
    serial          varchar(60),                -- as the journal or desk wrote it
    register_serial varchar(60),
    weapon_id       varchar(36),
    point_code      varchar(40),
    score           double precision,
    detail          varchar(500),
    status          varchar(20)  not null,      -- OPEN, RESOLVED
    created_at      timestamp with time zone not null,
    resolved_by     varchar(100),
    resolved_at     timestamp with time zone,
    resolution      varchar(500)
);
create index arms_finding_open on arms_finding (status, created_at);
