-- Every change of a message's status (queued, claimed, sending, sent: three updates per mail) writes a new row
-- version, and because status is indexed each version is entered again in every index of the table. The two full
-- indexes on status (V70's (status, next_attempt_at), V111's (status, id)) served look-ups that touch few rows: the
-- claim has V112's partial index of the queued messages, and what remains is the expiry of claims and the
-- administrator's list of messages needing attention. Partial indexes hold only those rows, so a sent message, the
-- bulk of the table, leaves nothing in them, and vacuum has two fewer whole indexes to walk after a surge.
-- (H2 has no partial indexes: db/h2/V113 keeps its indexes and the versions in step.)
drop index outbox_message_due;
drop index outbox_message_queue;
-- expireClaims: status = 'CLAIMED' / 'SENDING' and claimed_at < the lease's start
create index outbox_message_claimed on outbox_message (claimed_at) where status in ('CLAIMED', 'SENDING');
-- Outbox.needingAttention, newest first (the predicate is the query's, word for word)
create index outbox_message_attention on outbox_message (id)
    where status in ('FAILED', 'UNCERTAIN') or (status = 'QUEUED' and attempts > 0);
