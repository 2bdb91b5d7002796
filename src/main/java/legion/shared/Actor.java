package legion.shared;

import java.util.Objects;

/**
 * Someone who acts: an officer (by login name, with role and the unit they work in, if any), the volunteer of a case,
 * or the system itself.
 *
 * @param unit the unit the officer works in: required for roles bound to a kind of unit ({@link Role#unitKind()}),
 *             optional for others; null for an officer of the whole organisation (HQ)
 */
public record Actor(String id, Role role, Unit unit) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        if (role.unitKind() != null && (unit == null || !unit.is(role.unitKind()))) {
            throw new IllegalArgumentException("a " + role + " works in a unit of kind " + role.unitKind());
        }
    }

    public static Actor volunteer() {
        return new Actor("volunteer", Role.VOLUNTEER, null);
    }

    public static Actor system() {
        return new Actor("system", Role.SYSTEM, null);
    }

    /** An officer with an embassy code: the embassy is the unit of embassy officers and ignored for other roles. */
    public static Actor officer(String username, Role role, String embassyCode) {
        return new Actor(username, role, role == Role.EMBASSY_OFFICER && embassyCode != null && !embassyCode.isBlank()
                ? Unit.embassy(embassyCode) : null);
    }

    /** An officer working in a unit (or in none: null). */
    public static Actor inUnit(String username, Role role, Unit unit) {
        return new Actor(username, role, unit);
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** The embassy an embassy officer serves, or null. */
    public String embassyCode() {
        return unit != null && unit.is(Unit.EMBASSY) ? unit.code() : null;
    }

    /**
     * The one scope check of every program: whether this actor may act on a record that belongs to the given unit.
     * An officer who works in a unit acts only on that unit's records (an embassy officer on their embassy's cases,
     * an issuing officer at their point, a prison officer in their facility); an actor bound to no unit is not
     * limited by units (whether their role may act at all is the program's question). A record of no unit is
     * outside every unit-bound officer's scope.
     */
    public boolean mayActOn(Unit recordUnit) {
        return unit == null || unit.equals(recordUnit);
    }
}
