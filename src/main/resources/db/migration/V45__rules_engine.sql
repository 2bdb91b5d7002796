-- Rules engine (legion.rules): one table of published policy versions and one of verdicts for every program,
-- keyed by program. The Legion's eligibility policy and verdicts move here as program 'legion', unchanged.

create table rules_policy (
    program         varchar(30)   not null,
    version         integer       not null,
    parameters      varchar(65536) not null,
    published_at    timestamp with time zone not null,
    published_by    varchar(100)  not null,
    note            varchar(500),
    reevaluated_at  timestamp with time zone,
    primary key (program, version)
);

-- One verdict per (program, subject, policy version): re-running a re-evaluation (or two nodes running it) adds
-- nothing. Findings are rule names, outcomes and message keys with policy parameters; never personal data.
create table rules_verdict (
    program          varchar(30)   not null,
    subject_id       varchar(64)   not null,
    policy_version   integer       not null,
    reference        varchar(64)   not null,
    outcome          varchar(20)   not null,
    previous_outcome varchar(20),
    findings         varchar(65536) not null,
    evaluated_at     timestamp with time zone not null,
    primary key (program, subject_id, policy_version),
    foreign key (program, policy_version) references rules_policy (program, version)
);

create index rules_verdict_by_version on rules_verdict (program, policy_version, reference);

insert into rules_policy (program, version, parameters, published_at, published_by, note, reevaluated_at)
    select 'legion', version, parameters, published_at, published_by, note, reevaluated_at from eligibility_policy;

insert into rules_verdict (program, subject_id, policy_version, reference, outcome, previous_outcome, findings,
                           evaluated_at)
    select 'legion', lower(cast(enlistment_id as varchar(64))), policy_version, reference, outcome, previous_outcome,
           findings, evaluated_at
    from eligibility_verdict;

drop table eligibility_verdict;
drop table eligibility_policy;
