-- Retention: personal data of rejected, withdrawn and revoked cases is erased after a configurable period, or at the
-- volunteer's request; the case row stays (stage, dates, country codes) for statistics.
alter table enlistment add column erased_at timestamp with time zone;
alter table enlistment alter column given_names drop not null;
alter table enlistment alter column surname drop not null;
alter table enlistment alter column date_of_birth drop not null;
alter table enlistment alter column passport_number drop not null;
alter table enlistment alter column email drop not null;
create index enlistment_retention on enlistment (stage, updated_at);
