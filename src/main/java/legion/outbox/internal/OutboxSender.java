package legion.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import legion.outbox.MailTransport;
import legion.privacy.FieldCipher;

/**
 * Sends queued mail. Every node runs it; a batch is claimed by one node at a time ({@code QUEUED} to {@code CLAIMED}
 * under a row lock, rows locked by another node skipped), so nodes share the work; each message is marked
 * {@code SENDING} just before it goes to the server.
 * A refusal by the mail server puts the message back with exponential back-off until the last attempt
 * ({@code FAILED}); a claim older than the lease means its node died: a message it had not tried yet is queued
 * again, the one it was sending (perhaps after the server took it) becomes {@code UNCERTAIN} and is never resent
 * without an administrator: never twice, and at most one uncertain message per connection of a dead node
 * ({@code legion.outbox.connections}, 4 over SMTP: a claim of a batch per connection is split among them by
 * recipient, so one person's messages leave in the order they were queued, one message at a time per connection;
 * without SMTP the messages are files and one sender writes them).
 * A sent message keeps no recipient or text.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final FieldCipher cipher;
    private final MailTransport transport;
    private final Clock clock;
    private final int batch;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration lease;
    private final int connections;
    /** The threads the senders run on, one per connection (the scheduler's thread waits for them); none for one. */
    private final ExecutorService senders;
    private static final AtomicInteger SENDERS = new AtomicInteger();

    /** Sending over the given number of connections at once, each with batches of its own. */
    @Autowired
    OutboxSender(JdbcClient jdbc, TransactionTemplate tx, FieldCipher cipher, MailTransport transport,
                 Optional<Clock> clock,
                 @Value("${legion.outbox.batch:50}") int batch,
                 @Value("${legion.outbox.max-attempts:8}") int maxAttempts,
                 @Value("${legion.outbox.first-retry:PT30S}") Duration firstRetry,
                 @Value("${legion.outbox.lease:PT5M}") Duration lease,
                 @Value("${legion.outbox.connections:4}") int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("legion.outbox.connections must be at least 1");
        }
        this.connections = connections;
        this.senders = connections == 1 ? null : Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "legion-job-outbox-" + SENDERS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
        this.transport = transport;
        this.clock = clock.orElse(Clock.systemUTC());
        this.batch = batch;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.lease = lease;
    }

    /** Sending over one connection (tests). */
    OutboxSender(JdbcClient jdbc, TransactionTemplate tx, FieldCipher cipher, MailTransport transport,
                 Optional<Clock> clock, int batch, int maxAttempts, Duration firstRetry, Duration lease) {
        this(jdbc, tx, cipher, transport, clock, batch, maxAttempts, firstRetry, lease, 1);
    }

    @PreDestroy
    void stop() {
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    @Scheduled(fixedDelayString = "${legion.outbox.interval-ms:1000}", initialDelayString = "${legion.outbox.initial-delay-ms:2000}")
    void run() {
        try {
            expireClaims();
            if (senders == null || !transport.overSmtp()) {
                drain(); // files are written as fast as the CPU allows: more threads would only take it from others
                return;
            }
            // one message at a time waits for the server's answer to every command, so a relay a few milliseconds
            // away is the limit of one connection, not the CPU: a claim of a batch per connection is split among
            // the connections by recipient, so that one person's messages go over one connection in the order
            // they were queued (senders claiming batches of their own told a volunteer "revoked" before "approved")
            while (sendSplit() == batch * connections) {
                // a full claim: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("outbox: sending paused ({})", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Claims up to a batch per connection and sends it over all of them, each recipient's messages on one connection
     * in the order they were queued; returns how many were claimed once every connection has finished.
     */
    private int sendSplit() throws InterruptedException {
        String claim = UUID.randomUUID().toString();
        List<Long> ids = claim(claim, batch * connections);
        if (ids.isEmpty()) {
            return 0;
        }
        Map<Long, Row> rows = read(ids, claim);
        List<List<Long>> parts = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            parts.add(new ArrayList<>());
        }
        for (Long id : ids) { // oldest first, as claimed: each part keeps that order
            Row r = rows.get(id);
            String to = r == null ? "" : cipher.decrypt("outbox.to", r.to);
            parts.get(Math.floorMod(to.strip().toLowerCase(Locale.ROOT).hashCode(), connections)).add(id);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<Long> part : parts) {
            if (!part.isEmpty()) {
                running.add(senders.submit(() -> overOneConnection(part, rows, claim)));
            }
        }
        Throwable failed = null;
        for (Future<?> f : running) { // every connection finishes before the next claim
            try {
                f.get();
            } catch (ExecutionException e) {
                failed = failed == null ? e.getCause() : failed;
            }
        }
        if (failed != null) {
            log.warn("outbox: sending paused ({})", failed.getClass().getSimpleName());
            return 0;
        }
        return ids.size();
    }

    /** Sends batch after batch until one is not full. */
    private void drain() {
        int sent;
        do {
            sent = sendBatch();
        } while (sent == batch);
    }

    /** Claims of nodes that died while sending: those messages may have been delivered. */
    void expireClaims() {
        var expired = at(clock.instant().minus(lease));
        jdbc.sql("update outbox_message set status = 'QUEUED', claim = null, claimed_at = null "
                        + "where status = 'CLAIMED' and claimed_at < ?")
                .param(expired).update();
        int n = jdbc.sql("update outbox_message set status = 'UNCERTAIN', claim = null "
                        + "where status = 'SENDING' and claimed_at < ?")
                .param(expired).update();
        if (n > 0) {
            log.warn("outbox: {} message(s) were being sent by a node that stopped; marked UNCERTAIN for an administrator", n);
        }
    }

    /** Claims and sends up to one batch; returns how many were claimed. */
    int sendBatch() {
        String claim = UUID.randomUUID().toString();
        List<Long> ids = claim(claim, batch);
        if (ids.isEmpty()) {
            return 0;
        }
        overOneConnection(ids, read(ids, claim), claim); // the whole batch over one SMTP connection
        return ids.size();
    }

    /** Sends {@code ids} in order over one connection, then marks the last one sent {@code SENT}. */
    private void overOneConnection(List<Long> ids, Map<Long, Row> rows, String claim) {
        long sent = transport.withConnection(() -> sendAll(ids, rows, claim));
        if (sent != NONE) {
            mark(sent, NONE, claim);
        }
    }

    /** Claims up to {@code most} due messages, oldest first (rows another node has locked are skipped). */
    private List<Long> claim(String claim, int most) {
        return tx.execute(s -> {
            Instant now = clock.instant();
            List<Long> due = jdbc.sql("select id from outbox_message where status = 'QUEUED' and next_attempt_at <= ? "
                            + "order by id limit ? for update skip locked")
                    .params(at(now), most).query(Long.class).list();
            if (!due.isEmpty()) { // one statement for the whole claim
                jdbc.sql("update outbox_message set status = 'CLAIMED', claim = :claim, claimed_at = :at where id in (:ids)")
                        .param("claim", claim).param("at", at(now)).param("ids", due).update();
            }
            return due;
        });
    }

    /** The claimed messages, in one read (a read per message was a third of the sender's statements). */
    private Map<Long, Row> read(List<Long> ids, String claim) {
        Map<Long, Row> rows = new HashMap<>();
        for (List<Long> part : legion.shared.Chunks.of(ids, 500)) {
            jdbc.sql("select id, recipient, subject, body, language, attempts from outbox_message "
                            + "where id in (:ids) and claim = :claim")
                    .param("ids", part).param("claim", claim)
                    .query((java.sql.ResultSet rs) -> {
                        rows.put(rs.getLong(1), new Row(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6)));
                    });
        }
        return rows;
    }

    /** Sends the claimed messages in order; returns the one sent last, not yet marked SENT (or {@link #NONE}). */
    private long sendAll(List<Long> ids, Map<Long, Row> rows, String claim) {
        long sent = NONE;
        for (Long id : ids) { // oldest first, as claimed
            Row r = rows.get(id);
            if (r == null) {
                continue;
            }
            // from here on the server may take it: should this node die now, the message is uncertain, not queued
            boolean mine = mark(sent, id, claim);
            sent = NONE;
            if (!mine) {
                continue;
            }
            try {
                transport.send(cipher.decrypt("outbox.to", r.to), cipher.decrypt("outbox.subject", r.subject),
                        cipher.decrypt("outbox.text", r.body), Locale.forLanguageTag(r.language), "outbox-" + id);
            } catch (RuntimeException e) {
                retryLater(id, claim, r.attempts + 1, e);
                continue;
            }
            sent = id;
        }
        return sent;
    }

    /** No message (ids start at 1). */
    private static final long NONE = -1;

    /**
     * In one statement, and so in one commit: marks {@code sent} (the message just sent, or {@link #NONE}) {@code SENT},
     * dropping its recipient and text, and {@code next} (or {@link #NONE}) {@code SENDING}. Two statements per message
     * were the sender's whole cost, and during a surge it fell behind intake. A node that dies between a message's
     * sending and this statement leaves that one message {@code SENDING}, so uncertain: still at most one.
     *
     * The leading {@code id in (…)} gives PostgreSQL one primary-key look-up for both rows (V113 left no index on
     * status that the two arms would otherwise be matched against).
     *
     * @return whether {@code next} is this claim's to send now
     */
    private boolean mark(long sent, long next, String claim) {
        int changed = jdbc.sql("update outbox_message set "
                        + "status = case when id = :next then 'SENDING' else 'SENT' end, "
                        + "claimed_at = case when id = :next then :now else claimed_at end, "
                        + "sent_at = case when id = :next then sent_at else :now end, "
                        + "attempts = case when id = :next then attempts else attempts + 1 end, "
                        + "recipient = case when id = :next then recipient end, "
                        + "subject = case when id = :next then subject end, "
                        + "body = case when id = :next then body end, "
                        + "claim = case when id = :next then claim end, "
                        + "last_error = case when id = :next then last_error end "
                        + "where id in (:next, :sent) and claim = :claim "
                        + "and ((id = :next and status = 'CLAIMED') or (id = :sent and status = 'SENDING'))")
                .param("next", next).param("sent", sent).param("now", at(clock.instant())).param("claim", claim)
                .update();
        if (next == NONE) {
            return false;
        }
        int expected = sent == NONE ? 1 : 2;
        if (changed == expected) {
            return true;
        }
        // rare: a row was not this claim's any more (its lease ran out); ask which
        return jdbc.sql("select count(*) from outbox_message where id = ? and claim = ? and status = 'SENDING'")
                .params(next, claim).query(Integer.class).single() == 1;
    }

    private void retryLater(long id, String claim, int attempts, RuntimeException e) {
        String error = e.getClass().getSimpleName() + (e.getCause() == null ? "" : ": " + e.getCause().getClass().getSimpleName());
        boolean last = attempts >= maxAttempts;
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 16));
        jdbc.sql("update outbox_message set status = ?, attempts = ?, next_attempt_at = ?, claim = null, "
                        + "claimed_at = null, last_error = ? where id = ? and claim = ?")
                .params(last ? "FAILED" : "QUEUED", attempts, at(clock.instant().plus(wait)), error, id, claim)
                .update();
        log.warn("outbox: message {} not sent (attempt {} of {}): {}{}", id, attempts, maxAttempts, error,
                last ? "; given up, an administrator can resend it" : "");
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private record Row(String to, String subject, String body, String language, int attempts) {
    }
}
