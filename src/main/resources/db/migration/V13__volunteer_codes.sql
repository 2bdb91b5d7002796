-- One-time codes sent to a volunteer's email to prove who they are (with reference, passport number and date of
-- birth). Only a hash is stored; a code is single-use, short-lived and allows a few attempts.
create table intake_volunteer_code (
    enlistment_id uuid        primary key references enlistment (id),
    code_hash     varchar(64) not null,
    expires_at    timestamp with time zone not null,
    attempts      integer     not null,
    sent_at       timestamp with time zone not null
);
