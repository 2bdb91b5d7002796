-- Officers' free text is personal data too (reasons of information requests, recommendations, rejections;
-- interview notes): encrypted at field level like the applicant's data (ADR 0004). The columns widen for the
-- ciphertext (base64 of up to four UTF-8 bytes per character, plus IV, tag and key id); crypto_key is the data key a
-- row was written with (null: written before, perhaps plaintext; the background re-encryption takes care of it).
alter table enlistment_history alter column reason set data type varchar(12000);
alter table enlistment_history add column crypto_key varchar(20);
create index enlistment_history_crypto_key on enlistment_history (crypto_key);
alter table review_interview alter column notes set data type varchar(24000);
alter table review_interview add column crypto_key varchar(20);
alter table review_answer alter column answer set data type varchar(24000);
alter table review_answer add column crypto_key varchar(20);
