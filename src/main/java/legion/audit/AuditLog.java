package legion.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only audit log: every transition, every officer login (and failed attempt), every read of a case.
 * Entries carry references and officer names, never a volunteer's personal data.
 * There is no update or delete here, by design.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one entry in the caller's transaction. */
    public void append(String actor, String actorRole, String action, String subject, String detail) {
        jdbc.sql("insert into audit_log (at, actor, actor_role, action, subject, detail) values (?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(ZoneOffset.UTC), actor, actorRole, action, subject,
                        detail == null ? null : truncate(detail))
                .update();
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
