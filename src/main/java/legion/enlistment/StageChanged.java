package legion.enlistment;

import java.time.Instant;

import legion.audit.Auditable;

/**
 * What every event of an edge of the stage machine says: which case, from which stage, who, when. Each edge has its
 * own past-tense record ({@link EnlistmentApproved}, {@link EnlistmentRevoked} …), registered by the aggregate's
 * method for that edge; listeners subscribe to the records they care about, not to this type. Carries no personal
 * data, so it may be stored in the event publication registry.
 */
public sealed interface StageChanged extends Auditable
        permits EnlistmentReviewStarted, InformationRequested, InformationReceived, InterviewScheduled,
        EnlistmentRecommended, EnlistmentApproved, EnlistmentAuthorized, VolunteerArrived, VolunteerEnlisted,
        EnlistmentRejected, EnlistmentWithdrawn, EnlistmentRevoked {

    EnlistmentId id();

    Reference reference();

    String embassyCode();

    Stage from();

    String actor();

    String actorRole();

    Instant at();

    /** The edge taken. */
    Transition transition();

    /** The stage reached. */
    default Stage to() {
        return transition().to();
    }

    /** The coded reason of the edge (a rejection's), or null. */
    default String reasonCode() {
        return null;
    }

    /** One audit entry per edge, as the log has always written it: {@code TRANSITION_<edge>}, {@code from->to}. */
    @Override
    default Entry auditEntry() {
        return new Entry(actor(), actorRole(), "TRANSITION_" + transition().name(), reference().value(),
                from() + "->" + to() + (reasonCode() == null ? "" : " code=" + reasonCode()));
    }
}
