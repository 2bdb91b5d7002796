-- A facility's queue reads its cases in filing order across several stages (legion.parole): one index walk in
-- (facility, filed_at, id) order, the stage filtered on the way, instead of merging one range per stage.
create index parole_case_facility_filed on parole_case (facility, filed_at, id);
