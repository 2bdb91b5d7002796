package legion.enlistment;

import java.util.Map;

import org.springframework.http.HttpStatus;

import legion.shared.Refused;

/**
 * A transition that the stage machine or its rules do not allow. The message names the rule, never personal data.
 */
public class TransitionRefusedException extends Refused {

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

    /** Stage conflicts and holds are 409, role and four eyes 403, out of scope 404 (the case does not exist for the actor). */
    @Override
    public HttpStatus status() {
        return switch (refusal) {
            case ILLEGAL_STAGE, HELD_BY_SCREENING -> HttpStatus.CONFLICT;
            case ROLE_NOT_PERMITTED, FOUR_EYES -> HttpStatus.FORBIDDEN;
            case OUT_OF_SCOPE -> HttpStatus.NOT_FOUND;
            case REASON_REQUIRED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    @Override
    public String title() {
        return "Action refused";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("refusal", refusal.name());
    }
}
