package legion.access;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import legion.shared.Actor;
import legion.shared.Role;

/** The officers who may sign in to the console, with hashed passwords (bcrypt via a delegating encoder). */
@Service
public class Officers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    Officers(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public OfficerPrincipal loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown officer"));
    }

    public Optional<OfficerPrincipal> find(String username) {
        return jdbc.sql("select username, display_name, password_hash, role, embassy_code, enabled, locked_until "
                        + "from access_officer where username = ?")
                .param(username)
                .query((rs, n) -> {
                    OffsetDateTime locked = rs.getObject(7, OffsetDateTime.class);
                    return new OfficerPrincipal(rs.getString(1), rs.getString(2), rs.getString(3),
                            Role.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6),
                            locked == null ? null : locked.toInstant());
                })
                .optional();
    }

    /**
     * Counts a failed sign-in. From the third failure in a row the account is locked for a while that doubles with
     * each further failure (2 s, 4 s, 8 s …), so guessing slows down; from {@link #LOCK_AFTER} failures it is
     * locked for {@link #LOCK_MINUTES} minutes. Unknown user names change nothing.
     */
    public void recordFailedLogin(String username) {
        jdbc.sql("update access_officer set failed_logins = failed_logins + 1 where username = ?").param(username).update();
        Integer failures = jdbc.sql("select failed_logins from access_officer where username = ?").param(username)
                .query(Integer.class).optional().orElse(null);
        if (failures == null || failures < 3) {
            return;
        }
        java.time.Duration lock = failures >= LOCK_AFTER ? java.time.Duration.ofMinutes(LOCK_MINUTES)
                : java.time.Duration.ofSeconds(1L << Math.min(failures - 2, 10));
        jdbc.sql("update access_officer set locked_until = ? where username = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).plus(lock), username).update();
    }

    public void recordSuccessfulLogin(String username) {
        jdbc.sql("update access_officer set failed_logins = 0, locked_until = null where username = ? "
                + "and (failed_logins <> 0 or locked_until is not null)").param(username).update();
    }

    /** An administrator unlocks an account. */
    public void unlock(String username) {
        recordSuccessfulLogin(username);
    }

    public static final int LOCK_AFTER = 6;
    public static final int LOCK_MINUTES = 15;

    public List<OfficerPrincipal> all() {
        return jdbc.sql("select username, display_name, password_hash, role, embassy_code, enabled "
                        + "from access_officer order by role, username")
                .query((rs, n) -> new OfficerPrincipal(rs.getString(1), rs.getString(2), "", Role.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from access_officer").query(Long.class).single();
    }

    /** Creates an officer; the password is stored only as a hash. */
    public void create(String username, String displayName, String rawPassword, Role role, String embassyCode) {
        if (!role.isOfficer()) {
            throw new IllegalArgumentException("not an officer role");
        }
        jdbc.sql("insert into access_officer (username, display_name, password_hash, role, embassy_code, enabled, "
                        + "created_at) values (?, ?, ?, ?, ?, true, ?)")
                .params(username, displayName, encoder.encode(rawPassword), role.name(),
                        role == Role.EMBASSY_OFFICER ? embassyCode : null, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /** The actor behind an authentication, or empty when it is not an officer's. */
    public static Optional<Actor> actorOf(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OfficerPrincipal p) {
            return Optional.of(p.actor());
        }
        return Optional.empty();
    }
}
