-- Hash chain over the audit log. Entries are inserted by many transactions at once without a hash; a single sealer
-- (serialized across nodes by the lock on audit_chain_head) appends them to the chain in order: chain_seq, prev_hash
-- and hash. audit-verify recomputes the chain.
alter table audit_log add column chain_seq bigint;
alter table audit_log add column prev_hash varchar(64);
alter table audit_log add column hash varchar(64);
create unique index audit_log_chain on audit_log (chain_seq);
create index audit_log_unsealed on audit_log (chain_seq, seq);

create table audit_chain_head (
    id         integer     primary key,
    chain_seq  bigint      not null,
    hash       varchar(64) not null,
    sealed_at  timestamp with time zone not null
);
insert into audit_chain_head (id, chain_seq, hash, sealed_at)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', current_timestamp);
