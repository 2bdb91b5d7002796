package legion.parole;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A parole transition the stage machine or its guards do not allow. The message never holds personal data. It is
 * its own RFC 9457 problem (the base's problem handling answers it with its status and {@code refusal}), so the
 * web layer needs to know nothing of parole.
 */
public class ParoleRefusedException extends ErrorResponseException {

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
        super(status(refusal), problem(refusal, transition, message), null);
        this.refusal = refusal;
        this.transition = transition;
    }

    private static HttpStatus status(Refusal refusal) {
        return switch (refusal) {
            case ILLEGAL_STAGE, POLICY_VERDICT, CONCURRENT_CHANGE -> HttpStatus.CONFLICT;
            case ROLE_NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case OUT_OF_SCOPE -> HttpStatus.NOT_FOUND;
            case DETAILS_REQUIRED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    private static ProblemDetail problem(Refusal refusal, Transition transition, String message) {
        HttpStatus status = status(refusal);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
                refusal == Refusal.OUT_OF_SCOPE ? "No such case." : message);
        p.setTitle(refusal == Refusal.OUT_OF_SCOPE ? "Not found" : "Action refused");
        if (refusal != Refusal.OUT_OF_SCOPE) {
            p.setProperty("refusal", refusal.name());
            if (transition != null) {
                p.setProperty("transition", transition.name());
            }
        }
        return p;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    public Refusal refusal() {
        return refusal;
    }

    public Transition transition() {
        return transition;
    }
}
