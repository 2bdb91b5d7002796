-- Arms register: the end of martial law as recorded by an administrator (the latest row counts; a correction is a
-- new row), the day each open issue is due back (10 days after), when an overdue issue was flagged (once across
-- nodes) and how its holder was told, and a holder's e-mail address when recorded (encrypted).
create table arms_martial_law_end (
    id           varchar(36)  primary key,
    ended_on     date         not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamp with time zone not null
);

alter table arms_issue add column due_on date;
alter table arms_issue add column overdue_at timestamp with time zone;
alter table arms_issue add column overdue_told varchar(20);     -- MAIL or NO_ADDRESS
create index arms_issue_due on arms_issue (due_on, overdue_at);

alter table arms_holder add column email varchar(1000);
