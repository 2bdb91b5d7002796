-- Repeated failed sign-ins slow down and then lock an officer's account.
alter table access_officer add column failed_logins integer not null default 0;
alter table access_officer add column locked_until timestamp with time zone;
