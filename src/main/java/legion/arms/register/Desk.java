package legion.arms.register;

import java.util.Objects;

/**
 * The officer acting on the register: login name, arms role, and the issuing point they work at (null for
 * supervisors and investigators, who work for no point). Adapters build it from the signed-in officer.
 */
public record Desk(String officer, Role role, String point) {

    /** The arms register's roles (PRODUCT.md, Program 2). */
    public enum Role {
        ISSUING_OFFICER, REGISTRY_SUPERVISOR, POLICE_INVESTIGATOR, SYSTEM
    }

    public Desk {
        Objects.requireNonNull(officer);
        Objects.requireNonNull(role);
        if (role == Role.ISSUING_OFFICER && (point == null || point.isBlank())) {
            throw new IllegalArgumentException("an issuing officer works at a point");
        }
    }
}
