package legion.enlistment;

/**
 * A transition that the stage machine or its rules do not allow. The message names the rule, never personal data.
 */
public class TransitionRefusedException extends RuntimeException {

    /** Why a transition was refused. */
    public enum Refusal {
        /** The edge does not leave from the current stage (for example approving a case still in review). */
        ILLEGAL_STAGE,
        /** The actor's role may not take this edge. */
        ROLE_NOT_PERMITTED,
        /** The case is outside the actor's scope (another embassy's case). */
        OUT_OF_SCOPE,
        /** The edge needs a reason and none was given. */
        REASON_REQUIRED,
        /** Four eyes: the officer who recommended a case may not approve it. */
        FOUR_EYES,
        /** Screening holds the case: open watchlist or blocklist hits (or not screened yet). */
        HELD_BY_SCREENING
    }

    private final Refusal refusal;
    private final Transition transition;

    public TransitionRefusedException(Refusal refusal, Transition transition, String message) {
        super(message);
        this.refusal = refusal;
        this.transition = transition;
    }

    public Refusal refusal() {
        return refusal;
    }

    public Transition transition() {
        return transition;
    }
}
