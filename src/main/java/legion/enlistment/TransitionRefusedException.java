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
        /** Screening holds the case: not screened against every loaded list yet, open hits or duplicates ({@link #hold()}). */
        HELD_BY_SCREENING,
        /** An interview invitation without its date, time, time zone and mode. */
        INTERVIEW_REQUIRED,
        /** A recommendation without a recorded PASSED interview. */
        INTERVIEW_NOT_PASSED
    }

    private final Refusal refusal;
    private final Transition transition;
    private final String hold;

    public TransitionRefusedException(Refusal refusal, Transition transition, String message) {
        this(refusal, transition, message, null);
    }

    /** A refusal by a hold, named by {@code hold} ({@code SCREENING_PENDING}, {@code WATCHLIST_HIT} …). */
    public TransitionRefusedException(Refusal refusal, Transition transition, String message, String hold) {
        super(message);
        this.refusal = refusal;
        this.transition = transition;
        this.hold = hold;
    }

    /** The hold that refused it, or null when no hold did. */
    public String hold() {
        return hold;
    }

    public Refusal refusal() {
        return refusal;
    }

    public Transition transition() {
        return transition;
    }

    /** Stage conflicts, holds and a missing PASSED interview are 409, a missing interview slot 422, role and four eyes 403, out of scope 404 (the case does not exist for the actor). */
    @Override
    public HttpStatus status() {
        return switch (refusal) {
            case ILLEGAL_STAGE, HELD_BY_SCREENING, INTERVIEW_NOT_PASSED -> HttpStatus.CONFLICT;
            case ROLE_NOT_PERMITTED, FOUR_EYES -> HttpStatus.FORBIDDEN;
            case OUT_OF_SCOPE -> HttpStatus.NOT_FOUND;
            case REASON_REQUIRED, INTERVIEW_REQUIRED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    @Override
    public String title() {
        return "Action refused";
    }

    @Override
    public Map<String, Object> properties() {
        // a hold names itself too (PRODUCT.md: SCREENING_PENDING, WATCHLIST_HIT, POSSIBLE_DUPLICATE)
        Map<String, Object> members = new java.util.LinkedHashMap<>();
        members.put("refusal", refusal.name());
        if (hold != null) {
            members.put("hold", hold); // after refusal, always: the members keep their order in the response
        }
        return members;
    }
}
