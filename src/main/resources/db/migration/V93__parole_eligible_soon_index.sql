-- The eligible-soon list of a facility (legion.parole) reads the convicts still in APPLIED with a day of eligibility
-- in a range, soonest first, paged by (eligible_from, id): one range of this index in its order, no sort, no rows
-- of other stages read and thrown away (the index before had no stage, so each row of the range was fetched to
-- filter it).
create index parole_case_eligible_applied on parole_case (facility, stage, outcome, eligible_from, id);
drop index parole_case_eligible_soon;
