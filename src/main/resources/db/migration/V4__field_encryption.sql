-- Personal data encrypted at field level (AES-GCM, key id in each value): the columns hold ciphertext text now.
-- Exact look-ups go through keyed blind indexes. crypto_key is the data key the row was encrypted with
-- (null: not yet encrypted; the background re-encryption takes care of such rows and of rows under retired keys).
alter table enlistment alter column given_names set data type varchar(1000);
alter table enlistment alter column surname set data type varchar(1000);
alter table enlistment alter column date_of_birth set data type varchar(200);
alter table enlistment alter column passport_number set data type varchar(200);
alter table enlistment alter column email set data type varchar(1200);
alter table enlistment alter column phone set data type varchar(200);
alter table enlistment alter column military_branch set data type varchar(1000);
alter table enlistment add column passport_bidx varchar(64);
alter table enlistment add column email_bidx varchar(64);
alter table enlistment add column crypto_key varchar(20);
create index enlistment_passport_bidx on enlistment (passport_bidx);
create index enlistment_email_bidx on enlistment (email_bidx);
create index enlistment_crypto_key on enlistment (crypto_key);
