package legion.parole;

/** A parole transition the stage machine or its guards do not allow. The message never holds personal data. */
public class ParoleRefusedException extends RuntimeException {

    /** Why a transition was refused. */
    public enum Refusal {
        /** The edge does not leave from the current stage. */
        ILLEGAL_STAGE,
        /** The actor's role may not take this edge. */
        ROLE_NOT_PERMITTED,
        /** The case is outside the actor's unit (another facility's case). */
        OUT_OF_SCOPE,
        /** The edge needs a reason, or facts (a ruling, a witness, a unit), and they were not given. */
        DETAILS_REQUIRED,
        /** The policy's verdict does not allow this edge (screening a convict who is not, or not yet, eligible). */
        POLICY_VERDICT,
        /** Someone else changed the case first (optimistic locking). */
        CONCURRENT_CHANGE
    }

    private final Refusal refusal;
    private final Transition transition;

    public ParoleRefusedException(Refusal refusal, Transition transition, String message) {
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
