-- Second factor for officers: a TOTP secret (encrypted like personal data), whether it is confirmed, and the last
-- time step used (a code is accepted once).
alter table access_officer add column totp_secret varchar(300);
alter table access_officer add column totp_enabled boolean not null default false;
alter table access_officer add column totp_last_step bigint not null default 0;
