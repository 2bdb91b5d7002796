package legion.access;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import legion.shared.Actor;
import legion.shared.Role;

/**
 * A signed-in officer: login name, role and, for embassy officers, the embassy whose queue they work; {@code locked}
 * when wrong one-time codes locked the account ({@link SignInGuard}).
 */
public record OfficerPrincipal(String username, String displayName, String passwordHash, Role role,
                               String embassyCode, boolean enabled, boolean locked)
        implements UserDetails {

    public OfficerPrincipal(String username, String displayName, String passwordHash, Role role, String embassyCode,
                            boolean enabled) {
        this(username, displayName, passwordHash, role, embassyCode, enabled, false);
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    public Actor actor() {
        return Actor.officer(username, role, embassyCode);
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

    @Override
    public String toString() {
        return "OfficerPrincipal[" + username + ", " + role + "]";
    }
}
