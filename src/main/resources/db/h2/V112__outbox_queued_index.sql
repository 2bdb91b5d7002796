-- PostgreSQL's V112 (db/postgresql) adds a partial index of the queued messages for the sender's claim. H2 has no
-- partial indexes; the (status, id) index of V111 serves the claim here. This script keeps the versions in step.
select 1;
