package legion.review;

import legion.enlistment.RejectionReason;
import legion.enlistment.Transition;
import legion.shared.ServiceRole;

/**
 * An officer's request to move a case along one edge. {@code expectedVersion}, when given, is the version the
 * officer saw: if the case changed since, the action is refused as a conflict instead of applied blindly.
 */
public record CaseAction(Transition transition, String reason, RejectionReason reasonCode,
                         ServiceRole role, String unit, Long expectedVersion) {

    public static CaseAction of(Transition transition, String reason) {
        return new CaseAction(transition, reason, null, null, null, null);
    }
}
