-- Officers find cases by name: blind indexes of the normalised surname and full name (enlistment.SearchKeys),
-- filled on insert and, for cases stored before, by the background re-encryption pass. Queues sorted by the time in
-- stage page on (stage_since, id).
alter table enlistment add column surname_bidx varchar(64);
alter table enlistment add column name_bidx varchar(64);
create index enlistment_surname_bidx on enlistment (surname_bidx);
create index enlistment_name_bidx on enlistment (name_bidx);
create index enlistment_stage_since on enlistment (stage, stage_since, id);
