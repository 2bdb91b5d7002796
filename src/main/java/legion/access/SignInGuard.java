package legion.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.audit.AuditLog;

/**
 * Guessing at sign-in, on the console and the API alike (ADR 0060).
 * <ul>
 * <li>Wrong passwords back off per officer and client address: from the {@value #BACK_OFF_FROM}rd failure in a row
 * that client waits 2 s, 4 s, 8 s …, from the {@value #PASSWORD_BLOCK_AFTER}th {@value #PASSWORD_BLOCK_MINUTES}
 * minutes; other clients are not slowed, so knowing a user name is not enough to lock its officer out. Many failures
 * across clients raise a {@link AlertKind#PASSWORD_GUESSING} alert.</li>
 * <li>Wrong one-time codes (after a right password, so by someone who has the password) count per officer, whatever
 * the client; a right password does not reset them, only a right code does. After {@value #CODE_LOCK_AFTER} in a row
 * the account is locked until an administrator unlocks it, with a {@link AlertKind#LOCKED_BY_WRONG_CODES} alert.</li>
 * </ul>
 * Unknown user names change nothing. State is in the database, so every node sees it.
 */
@Service
public class SignInGuard {

    public static final int BACK_OFF_FROM = 3;
    public static final int PASSWORD_BLOCK_AFTER = 6;
    public static final int PASSWORD_BLOCK_MINUTES = 15;
    public static final int CODE_LOCK_AFTER = 5;
    /** Failed passwords for one officer, summed over the clients still on record, that raise an alert. */
    public static final int PASSWORD_ALERT_AFTER = 20;

    public enum AlertKind { LOCKED_BY_WRONG_CODES, PASSWORD_GUESSING }

    public record Alert(long id, String username, AlertKind kind, Instant raisedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    SignInGuard(JdbcClient jdbc, AuditLog audit, ObjectProvider<Clock> clocks) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clocks.getIfAvailable(Clock::systemUTC);
    }

    /** How long this client must still wait before trying a password for this officer (empty: it may try). */
    public Optional<Duration> backOff(String username, String client) {
        return jdbc.sql("select blocked_until from access_sign_in_failure where username = ? and client = ?")
                .params(username, key(client)).query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant)
                .map(until -> Duration.between(clock.instant(), until))
                .filter(left -> !left.isNegative() && !left.isZero());
    }

    /** A wrong password (or a try during the back-off, which lengthens it) from this client. */
    public void passwordFailed(String username, String client) {
        OffsetDateTime now = now();
        String c = key(client);
        int updated = jdbc.sql("update access_sign_in_failure set failures = failures + 1, last_failure_at = ? "
                + "where username = ? and client = ?").params(now, username, c).update();
        if (updated == 0) {
            try {
                updated = jdbc.sql("insert into access_sign_in_failure (username, client, failures, last_failure_at) "
                        + "select username, ?, 1, ? from access_officer where username = ?")
                        .params(c, now, username).update();
            } catch (DuplicateKeyException raced) {
                passwordFailed(username, client);
                return;
            }
        }
        if (updated == 0) {
            return; // no such officer
        }
        int failures = jdbc.sql("select failures from access_sign_in_failure where username = ? and client = ?")
                .params(username, c).query(Integer.class).single();
        if (failures >= BACK_OFF_FROM) {
            Duration wait = failures >= PASSWORD_BLOCK_AFTER ? Duration.ofMinutes(PASSWORD_BLOCK_MINUTES)
                    : Duration.ofSeconds(1L << (failures - BACK_OFF_FROM + 1));
            jdbc.sql("update access_sign_in_failure set blocked_until = ? where username = ? and client = ?")
                    .params(now.plus(wait), username, c).update();
        }
        long total = jdbc.sql("select coalesce(sum(failures), 0) from access_sign_in_failure where username = ?")
                .param(username).query(Long.class).single();
        if (total >= PASSWORD_ALERT_AFTER) {
            raise(username, AlertKind.PASSWORD_GUESSING);
        }
    }

    /** A right password from this client: its back-off ends (not the count of wrong codes). */
    public void passwordAccepted(String username, String client) {
        jdbc.sql("delete from access_sign_in_failure where username = ? and client = ?")
                .params(username, key(client)).update();
    }

    /** A wrong one-time code after a right password; true when the account is (now) locked. */
    @Transactional
    public boolean codeFailed(String username) {
        jdbc.sql("update access_officer set failed_codes = failed_codes + 1 where username = ?").param(username).update();
        int failures = jdbc.sql("select failed_codes from access_officer where username = ?").param(username)
                .query(Integer.class).optional().orElse(0);
        if (failures < CODE_LOCK_AFTER) {
            return false;
        }
        int locked = jdbc.sql("update access_officer set code_locked_at = ? where username = ? and code_locked_at is null")
                .params(now(), username).update();
        if (locked == 1) {
            raise(username, AlertKind.LOCKED_BY_WRONG_CODES);
            audit.append(username, null, "OFFICER_LOCKED", null, failures + " wrong one-time codes");
        }
        return true;
    }

    /** A right code: the count of wrong codes starts again. */
    public void codeAccepted(String username) {
        jdbc.sql("update access_officer set failed_codes = 0 where username = ? and failed_codes <> 0")
                .param(username).update();
    }

    /** Whether the account is locked by wrong codes (until an administrator unlocks it). */
    public boolean locked(String username) {
        return jdbc.sql("select code_locked_at from access_officer where username = ?").param(username)
                .query(OffsetDateTime.class).optional().isPresent();
    }

    /** An administrator unlocks the account: counts, back-offs and its open alerts are cleared. */
    @Transactional
    public void unlock(String administrator, String username) {
        int changed = jdbc.sql("update access_officer set failed_codes = 0, code_locked_at = null where username = ?")
                .param(username).update();
        if (changed == 0) {
            throw new IllegalArgumentException("no such officer");
        }
        jdbc.sql("delete from access_sign_in_failure where username = ?").param(username).update();
        jdbc.sql("update access_alert set cleared_at = ?, cleared_by = ? where username = ? and cleared_at is null")
                .params(now(), administrator, username).update();
        audit.append(administrator, "ADMINISTRATOR", "OFFICER_UNLOCKED", null, username);
    }

    /** Alerts not yet cleared by an administrator, newest first. */
    public List<Alert> openAlerts() {
        return jdbc.sql("select id, username, kind, raised_at from access_alert where cleared_at is null "
                        + "order by raised_at desc, id desc")
                .query((rs, n) -> new Alert(rs.getLong(1), rs.getString(2), AlertKind.valueOf(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    private void raise(String username, AlertKind kind) {
        boolean open = jdbc.sql("select count(*) from access_alert where username = ? and kind = ? and cleared_at is null")
                .params(username, kind.name()).query(Long.class).single() > 0;
        if (!open) {
            jdbc.sql("insert into access_alert (username, kind, raised_at) values (?, ?, ?)")
                    .params(username, kind.name(), now()).update();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String key(String client) {
        String c = client == null || client.isBlank() ? "?" : client;
        return c.length() > 100 ? c.substring(0, 100) : c;
    }
}
