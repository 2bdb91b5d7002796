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
        return jdbc.sql("select username, display_name, password_hash, role, embassy_code, enabled "
                        + "from access_officer where username = ?")
                .param(username)
                .query((rs, n) -> new OfficerPrincipal(rs.getString(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

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
