package legion.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import legion.audit.AuditLog;
import legion.privacy.FieldCipher;
import legion.shared.Actor;
import legion.shared.Writes;

/**
 * Queues mail in the caller's transaction: the message exists exactly when the change that decided it was committed.
 * Recipient, subject and text are encrypted at rest and dropped once the message is sent; administrators see kinds,
 * states and errors only.
 */
@Service
public class Outbox {

    static final String TO = "outbox.to";
    static final String SUBJECT = "outbox.subject";
    static final String TEXT = "outbox.text";

    private final Writes writes;
    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    Outbox(JdbcClient jdbc, FieldCipher cipher, AuditLog audit, java.util.Optional<Clock> clock,
           Writes writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Queues one message in the current transaction (there must be one). A message whose dedupe key is already
     * queued or sent is not queued again.
     *
     * @return whether it was queued now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(Mail mail) {
        java.time.OffsetDateTime now = at(clock.instant());
        return writes.insert("""
                        insert into outbox_message (dedupe_key, kind, language, recipient, subject, body, status,
                                                    attempts, created_at, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                mail.dedupeKey(), mail.kind(), mail.language().toLanguageTag(), cipher.encrypt(TO, mail.to()),
                cipher.encrypt(SUBJECT, mail.subject()), cipher.encrypt(TEXT, mail.text()), "QUEUED", 0, now, now) != 0;
    }

    /**
     * Drops the unsent messages whose dedupe key starts with this prefix (their person's data was erased): queued,
     * failed and uncertain ones alike. Sent ones keep no content already. The prefix is a key's own text (no
     * {@code %} or {@code _} of its own, as program keys are built from ids).
     *
     * @return how many were dropped
     */
    @Transactional
    public int discardUnsent(String dedupePrefix) {
        return jdbc.sql("delete from outbox_message where dedupe_key like ? and status in ('QUEUED', 'FAILED', 'UNCERTAIN')")
                .param(dedupePrefix + "%").update();
    }

    /** How many messages are in each state. */
    public Map<OutboxStatus, Long> counts() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus s : OutboxStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) from outbox_message group by status")
                .query((rs, n) -> counts.put(OutboxStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** The messages that need an administrator (failed, or sent by a node that died: perhaps delivered), newest first. */
    public List<OutboxEntry> needingAttention(int limit) {
        // on PostgreSQL the partial index outbox_message_attention (V113) has this predicate word for word
        return entries("where status in ('FAILED', 'UNCERTAIN') or (status = 'QUEUED' and attempts > 0)", limit);
    }

    /** The newest messages of any state. */
    public List<OutboxEntry> recent(int limit) {
        return entries("", limit);
    }

    private List<OutboxEntry> entries(String where, int limit) {
        return jdbc.sql("select id, kind, language, status, attempts, created_at, next_attempt_at, sent_at, last_error "
                        + "from outbox_message " + where + " order by id desc limit ?")
                .param(limit)
                .query((rs, n) -> new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        OutboxStatus.valueOf(rs.getString(4)), rs.getInt(5), ts(rs, 6),
                        ts(rs, 7), ts(rs, 8), rs.getString(9)))
                .list();
    }

    /**
     * Queues a failed or uncertain message again, as an administrator decided (for an uncertain one: after checking
     * it did not arrive). Audited.
     *
     * @return whether the message was in a state that allows it
     */
    @Transactional
    public boolean resend(long id, Actor administrator) {
        int changed = jdbc.sql("update outbox_message set status = 'QUEUED', attempts = 0, next_attempt_at = ?, "
                        + "claim = null, claimed_at = null where id = ? and status in ('FAILED', 'UNCERTAIN') "
                        + "and body is not null")
                .params(at(clock.instant()), id).update();
        if (changed == 1) {
            audit.append(administrator.id(), administrator.role().name(), "MAIL_RESENT", "outbox:" + id, null);
        }
        return changed == 1;
    }

    private static Instant ts(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

}
