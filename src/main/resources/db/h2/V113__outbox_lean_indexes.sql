-- PostgreSQL's V113 (db/postgresql) replaces the outbox's two full indexes on status by partial ones. H2 has no
-- partial indexes and keeps V70's and V111's; this script keeps the versions in step.
select 1;
