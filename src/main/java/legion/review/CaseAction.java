package legion.review;

import legion.enlistment.RejectionReason;
import legion.enlistment.Transition;
import legion.shared.ServiceRole;

/**
 * An officer's request to move a case along one edge. {@code expectedVersion}, when given, is the version the
 * officer saw: if the case changed since, the action is refused as a conflict instead of applied blindly.
 * {@code interview} is the slot an INVITE_TO_INTERVIEW schedules (required there, ignored elsewhere).
 */
public record CaseAction(Transition transition, String reason, RejectionReason reasonCode,
                         ServiceRole role, String unit, Long expectedVersion, InterviewSlot interview) {

    public CaseAction(Transition transition, String reason, RejectionReason reasonCode, ServiceRole role, String unit,
                      Long expectedVersion) {
        this(transition, reason, reasonCode, role, unit, expectedVersion, null);
    }

    public static CaseAction of(Transition transition, String reason) {
        return new CaseAction(transition, reason, null, null, null, null, null);
    }
}
