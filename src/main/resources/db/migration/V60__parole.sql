-- Program 3, service for release: parole cases and their history (module legion.parole).
-- Personal data (name, date of birth, prisoner number, offences) is encrypted by the application (FieldCipher).
create table parole_case (
    id                   uuid         primary key,
    reference            varchar(13)  not null unique,
    facility             varchar(32)  not null,
    stage                varchar(24)  not null,
    version              bigint       not null,
    filed_at             timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    full_name            varchar(1000) not null,
    date_of_birth        varchar(200) not null,
    prisoner_number      varchar(400) not null,
    offences             varchar(4000) not null,
    sentence_end         date,
    life_sentence        boolean      not null,
    responsible_post     boolean      not null,
    consent_at           timestamp with time zone not null,
    consent_witness      varchar(200) not null,
    withdrawn_at         timestamp with time zone,
    withdrawal_witness   varchar(200),
    policy_version       integer      not null,
    outcome              varchar(16)  not null,
    eligible_from        date,
    rules                varchar(2000) not null,
    commander_unit       varchar(100),
    ruling_court         varchar(200),
    ruling_case_number   varchar(100),
    ruling_effective_at  timestamp with time zone,
    authority            varchar(200),
    authority_reference  varchar(100),
    authority_decided_on date,
    hand_over_due        timestamp with time zone,
    handed_over_at       timestamp with time zone,
    overdue_flagged_at   timestamp with time zone,
    service_unit         varchar(100),
    service_position     varchar(100),
    crypto_key           varchar(40)  not null
);

create index parole_case_facility_queue on parole_case (facility, stage, filed_at, id);
create index parole_case_eligible_soon on parole_case (facility, outcome, eligible_from, id);
create index parole_case_hand_over on parole_case (stage, hand_over_due);

create table parole_history (
    case_id     uuid         not null references parole_case (id),
    seq         integer      not null,
    actor       varchar(100) not null,
    actor_role  varchar(30)  not null,
    at          timestamp with time zone not null,
    from_stage  varchar(24),
    to_stage    varchar(24)  not null,
    transition  varchar(30),
    reason      varchar(2000),
    primary key (case_id, seq)
);
