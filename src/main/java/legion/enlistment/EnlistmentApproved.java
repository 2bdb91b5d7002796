package legion.enlistment;

import java.time.Instant;

/** HQ vetting approved the case, four eyes (APPROVE). Carries no personal data. */
public record EnlistmentApproved(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                 String actorRole, Instant at) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.APPROVE;
    }
}
