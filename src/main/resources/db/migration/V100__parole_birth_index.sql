-- The blind index (keyed hash, FieldCipher#blindIndex) of a convict's date of birth: the one way another program's
-- question "is this person a convict in custody or in an open case?" (ADR 0150) finds the candidate cases without
-- decrypting every row. Rows filed before this migration are indexed by the application at start-up.
alter table parole_case add column birth_index varchar(32);
create index parole_case_birth on parole_case (birth_index);
