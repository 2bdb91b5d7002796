-- Arms register: issues and returns an offline desk queued under a numbered provisional slip, each recorded once
-- (a slip sent again after a lost answer gets the first answer), with what the server made of it.
create table arms_offline_slip (
    slip          varchar(60)  primary key,
    officer       varchar(100) not null,
    point_code    varchar(40)  not null,
    kind          varchar(10)  not null,     -- ISSUE or RETURN
    made_at       timestamp with time zone not null,   -- when the desk made it, offline
    received_at   timestamp with time zone not null,
    result        varchar(20)  not null,     -- RECORDED or CONFLICT
    conflict      varchar(40),               -- the finding's kind
    issue_number  varchar(20),
    finding_id    varchar(36)
);
