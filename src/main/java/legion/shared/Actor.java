package legion.shared;

import java.util.Objects;

/**
 * Someone who acts: an officer (by login name, with role and, for embassy officers, the embassy they serve),
 * the volunteer of a case, or the system itself.
 */
public record Actor(String id, Role role, String embassyCode) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        if (role == Role.EMBASSY_OFFICER && (embassyCode == null || embassyCode.isBlank())) {
            throw new IllegalArgumentException("an embassy officer needs an embassy");
        }
    }

    public static Actor volunteer() {
        return new Actor("volunteer", Role.VOLUNTEER, null);
    }

    public static Actor system() {
        return new Actor("system", Role.SYSTEM, null);
    }

    public static Actor officer(String username, Role role, String embassyCode) {
        return new Actor(username, role, embassyCode);
    }

    public boolean is(Role other) {
        return role == other;
    }
}
