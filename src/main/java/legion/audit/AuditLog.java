package legion.audit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import legion.shared.Writes;

/**
 * The append-only audit log: every transition, every officer login (and failed attempt), every read of a case.
 * Entries carry references and officer names, never a volunteer's personal data.
 * There is no update or delete here, by design. Each entry is written with a random nonce and its
 * {@link AuditChain#entryMac entry MAC}, so that the sealer can tell it from a row written by anyone else.
 */
@Service
public class AuditLog {

    private final Writes writes;
    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final Clock clock;
    /** One generator per thread: the JDK's default one serialises every caller on a global lock. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    AuditLog(JdbcClient jdbc, AuditChain chain, ObjectProvider<Clock> clocks, Writes writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.chain = chain;
        this.clock = clocks.getIfAvailable(Clock::systemUTC);
    }

    /** Appends one entry in the caller's transaction. */
    public void append(String actor, String actorRole, String action, String subject, String detail) {
        Instant at = AuditChain.canonical(clock.instant());
        byte[] nonceBytes = new byte[16];
        RANDOM.get().nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        String text = detail == null ? null : truncate(detail);
        writes.insert("insert into audit_log (at, actor, actor_role, action, subject, detail, nonce, entry_mac) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, actorRole, action, subject, text, nonce,
                chain.entryMac(nonce, at, actor, actorRole, action, subject, text));
    }

    /** The newest entries, optionally for one subject (a case reference). */
    public List<Entry> recent(String subject, int limit) {
        String sql = "select seq, at, actor, actor_role, action, subject, detail from audit_log "
                + (subject == null ? "" : "where subject = ? ") + "order by seq desc limit ?";
        var spec = jdbc.sql(sql);
        if (subject != null) {
            spec = spec.param(subject);
        }
        return spec.param(limit)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    /** One audit entry. */
    public record Entry(long seq, Instant at, String actor, String actorRole, String action, String subject,
                        String detail) {
    }
}
