package legion.arms.register;

import legion.shared.Actor;
import legion.shared.Unit;

/** Issuing points as units of the platform ({@code ARMS_POINT:KYIV-POLICE-01}). */
public final class Points {

    private Points() {
    }

    /** The issuing point an officer works at, or null (supervisors, investigators). */
    public static String of(Actor actor) {
        return actor.unit() != null && actor.unit().is(Unit.ARMS_POINT) ? actor.unit().code() : null;
    }

    public static Unit unit(String point) {
        return Unit.of(Unit.ARMS_POINT, point);
    }
}
