-- The sender claims "status = 'QUEUED' and next_attempt_at <= now order by id limit n". During a surge's backlog,
-- with statistics that lag behind the queue (taken when most messages were queued), PostgreSQL walked the primary
-- key from the oldest message and filtered out every message already sent: 20-25 ms per claim of 50 once 37,000 were
-- sent. An index of the queued messages alone, in id order, holds only what the claim wants, so no estimate of how
-- many are queued makes the primary key look cheaper. H2 has no partial indexes (db/h2/V112 keeps the versions in
-- step); there (status, id) of V111 serves.
create index outbox_message_queued on outbox_message (id) where status = 'QUEUED';
