package legion.parole;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import legion.shared.Refused;

/**
 * A parole transition the stage machine or its guards do not allow. The message never holds personal data. A
 * {@link Refused}: the base's problem handling answers it with its status, {@code refusal} and {@code transition}.
 */
public class ParoleRefusedException extends Refused {

    /** Why a transition was refused. */
    public enum Refusal {
        /** The edge does not leave from the current stage. */
        ILLEGAL_STAGE,
        /** The actor's role may not take this edge. */
        ROLE_NOT_PERMITTED,
        /** The case is outside the actor's unit (another facility's case), or not in a stage the role works. */
        OUT_OF_SCOPE,
        /** The edge needs a reason, or facts (a ruling, a witness, a unit), and they were not given. */
        DETAILS_REQUIRED,
        /** The policy's verdict does not allow this edge (screening a convict who is not, or not yet, eligible). */
        POLICY_VERDICT,
        /** Someone else changed the case first (optimistic locking). */
        CONCURRENT_CHANGE,
        /** A configured watchlist is not loaded yet: the convict is not screened (fails closed). */
        SCREENING_PENDING,
        /** A watchlist hit is open or confirmed: HQ decides it first. */
        WATCHLIST_HIT
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

    @Override
    public HttpStatus status() {
        return switch (refusal) {
            case ILLEGAL_STAGE, POLICY_VERDICT, CONCURRENT_CHANGE, SCREENING_PENDING, WATCHLIST_HIT -> HttpStatus.CONFLICT;
            case ROLE_NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case OUT_OF_SCOPE -> HttpStatus.NOT_FOUND;
            case DETAILS_REQUIRED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    /** Out of scope is the same 404 as no case at all, so references cannot be probed. */
    @Override
    public String title() {
        return refusal == Refusal.OUT_OF_SCOPE ? "Not found" : "Action refused";
    }

    @Override
    public String detail() {
        return refusal == Refusal.OUT_OF_SCOPE ? "No such case." : getMessage();
    }

    @Override
    public Map<String, Object> properties() {
        if (refusal == Refusal.OUT_OF_SCOPE) {
            return Map.of();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("refusal", refusal.name());
        if (transition != null) {
            p.put("transition", transition.name());
        }
        if (refusal == Refusal.SCREENING_PENDING || refusal == Refusal.WATCHLIST_HIT) {
            p.put("hold", refusal.name());
        }
        return p;
    }
}
