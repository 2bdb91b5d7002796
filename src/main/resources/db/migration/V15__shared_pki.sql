-- Every published version of the signed revocation list (the newest is current), shared by all nodes, written in
-- the same transaction as the REVOKE that caused it. Publishing first takes the one row of the lock table, so that
-- revocations on several nodes at once get consecutive sequence numbers and each list holds all earlier entries.
create table authorization_revocation_list (
    sequence     bigint primary key,
    signed       bytea  not null,
    published_at timestamp with time zone not null
);

create table authorization_revocation_lock (
    id integer primary key
);
insert into authorization_revocation_lock (id) values (1);

-- The PKI (root and signer certificates with their keys) as one PKCS#12 blob, protected by the keystore password
-- every node is configured with. Rotation replaces it with version + 1 (compare-and-set); nodes reload it when the
-- version changes, so a signer added on one node verifies on all.
create table authorization_keystore (
    id         integer primary key,
    version    bigint  not null,
    pkcs12     bytea   not null,
    updated_at timestamp with time zone not null
);
