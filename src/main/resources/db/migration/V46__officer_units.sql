-- Unit scopes (legion.access): every officer may work in one unit, written KIND:CODE (EMBASSY:GB,
-- ARMS_POINT:KYIV-POLICE-01, PRISON:...). Embassy officers' embassies become their units; embassy_code is still
-- written for them (its foreign key into embassy stays).
alter table access_officer add column unit_kind varchar(30);
alter table access_officer add column unit_code varchar(64);
update access_officer set unit_kind = 'EMBASSY', unit_code = embassy_code where embassy_code is not null;
