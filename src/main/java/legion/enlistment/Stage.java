package legion.enlistment;

import java.util.EnumSet;
import java.util.Set;

import legion.shared.Role;

/**
 * The stages of an enlistment (PRODUCT.md):
 * {@code SUBMITTED → IN_REVIEW → (INFO_REQUESTED ↔ IN_REVIEW) → INTERVIEW → VETTING → APPROVED → AUTHORIZED →
 * ARRIVED → ENLISTED}; from the open stages {@code REJECTED} or {@code WITHDRAWN}; {@code AUTHORIZED → REVOKED}.
 * The edges themselves are the {@link Transition}s.
 */
public enum Stage {
    /** Received from the volunteer, waiting for the embassy. */
    SUBMITTED(Role.EMBASSY_OFFICER),
    /** An embassy officer is reviewing the application. */
    IN_REVIEW(Role.EMBASSY_OFFICER),
    /** The embassy waits for information or documents from the volunteer. */
    INFO_REQUESTED(Role.EMBASSY_OFFICER),
    /** Invited to an interview with the defence attaché. */
    INTERVIEW(Role.EMBASSY_OFFICER),
    /** Recommended by the embassy; HQ vetting screens and decides (four eyes). */
    VETTING(Role.VETTING_OFFICER),
    /** Approved by HQ; the travel authorization is to be issued. */
    APPROVED(Role.VETTING_OFFICER),
    /** A travel authorization has been issued. */
    AUTHORIZED(Role.RECEPTION_OFFICER),
    /** Arrived at the reception point. */
    ARRIVED(Role.RECEPTION_OFFICER),
    /** Assigned a role and a unit. Final. */
    ENLISTED(null),
    /** Rejected with a reason code. Final. */
    REJECTED(null),
    /** Withdrawn by the volunteer. Final. */
    WITHDRAWN(null),
    /** The travel authorization was revoked. Final. */
    REVOKED(null);

    private static final Set<Stage> OPEN = EnumSet.of(SUBMITTED, IN_REVIEW, INFO_REQUESTED, INTERVIEW, VETTING, APPROVED);

    private final Role owner;

    Stage(Role owner) {
        this.owner = owner;
    }

    /** Open stages are those from which a case can still be rejected or withdrawn. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean isFinal() {
        return owner == null;
    }

    /** The officer role that works cases in this stage (and may reject them there); null when final. */
    public Role owner() {
        return owner;
    }

    public static Set<Stage> open() {
        return EnumSet.copyOf(OPEN);
    }
}
