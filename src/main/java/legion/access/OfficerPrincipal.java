package legion.access;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import legion.shared.Actor;
import legion.shared.Role;
import legion.shared.Unit;

/**
 * A signed-in officer: login name, role and the unit they work in (an embassy officer's embassy, an issuing
 * officer's point, a prison officer's facility), or none; {@code locked} when wrong one-time codes locked the account
 * ({@link SignInGuard}).
 */
public record OfficerPrincipal(String username, String displayName, String passwordHash, Role role,
                               Unit unit, boolean enabled, boolean locked)
        implements UserDetails {

    public OfficerPrincipal(String username, String displayName, String passwordHash, Role role, Unit unit,
                            boolean enabled) {
        this(username, displayName, passwordHash, role, unit, enabled, false);
    }

    /** The embassy an embassy officer serves, or null. */
    public String embassyCode() {
        return unit != null && unit.is(Unit.EMBASSY) ? unit.code() : null;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    public Actor actor() {
        return Actor.inUnit(username, role, unit);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Kept in the session (in the database, shared by the nodes) without the password hash: nothing reads it from a
     * session, and a signed-in call checks the password against the account as it is now ({@link GuardedPasswords}).
     */
    @java.io.Serial
    private Object writeReplace() {
        return new OfficerPrincipal(username, displayName, "", role, unit, enabled, locked);
    }

    @Override
    public String toString() {
        return "OfficerPrincipal[" + username + ", " + role + "]";
    }
}
