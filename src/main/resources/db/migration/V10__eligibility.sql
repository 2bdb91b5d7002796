-- Eligibility: published policy versions (immutable) and the verdicts each version gave each case.
-- Version 1 is created from the shipped defaults and legion.eligibility.excluded-nationalities on first use.

create table eligibility_policy (
    version         integer      primary key,
    parameters      varchar(8000) not null,
    published_at    timestamp with time zone not null,
    published_by    varchar(100) not null,
    note            varchar(500),
    reevaluated_at  timestamp with time zone
);

-- One verdict per (case, policy version): re-running a re-evaluation (or two nodes running it) adds nothing.
-- Findings are rule names, outcomes and message keys with policy parameters; never personal data.
create table eligibility_verdict (
    enlistment_id    uuid         not null references enlistment (id),
    policy_version   integer      not null references eligibility_policy (version),
    reference        varchar(13)  not null,
    outcome          varchar(20)  not null,
    previous_outcome varchar(20),
    findings         varchar(8000) not null,
    evaluated_at     timestamp with time zone not null,
    primary key (enlistment_id, policy_version)
);

create index eligibility_verdict_by_version on eligibility_verdict (policy_version, reference);
