-- Program 3 after the contract (legion.parole): service events and the prosecutor's referrals; officers' mail
-- addresses (legion.access), optional, encrypted by the application like officers' text.
alter table access_officer add column mail_address varchar(1400);

-- What happened in service: an unauthorised absence, a new offence, an injury, a death, the discharge. The details
-- and a new offence are personal data, encrypted by the application (FieldCipher); crypto_key is the data key a row was written with.
create table parole_service_event (
    case_id      uuid         not null references parole_case (id),
    seq          integer      not null,
    kind         varchar(20)  not null,
    occurred_on  date         not null,
    recorded_at  timestamp with time zone not null,
    actor        varchar(100) not null,
    actor_role   varchar(30)  not null,
    offence      varchar(1000),
    details      varchar(12000),
    crypto_key   varchar(40),
    primary key (case_id, seq)
);
create index parole_service_event_kind on parole_service_event (kind, occurred_on);

-- The prosecutor's queue: a referral under art. 336-2 (absence) or for a new offence, open until the prosecutor
-- decides (returns the serviceman to custody, or closes it with a reason).
create table parole_referral (
    id           uuid         primary key,
    case_id      uuid         not null references parole_case (id),
    reference    varchar(13)  not null,
    kind         varchar(20)  not null,
    article      varchar(20),
    referred_at  timestamp with time zone not null,
    referred_by  varchar(100) not null,
    closed_at    timestamp with time zone,
    closed_by    varchar(100),
    unique (case_id, kind, referred_at)
);
create index parole_referral_open on parole_referral (closed_at, referred_at);
