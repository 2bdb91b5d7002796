package legion.enlistment;

import java.time.Instant;

/** An officer rejected the case (REJECT) for a coded reason. Carries no personal data. */
public record EnlistmentRejected(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                 String actorRole, Instant at, RejectionReason reason) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.REJECT;
    }

    @Override
    public String reasonCode() {
        return reason.name();
    }
}
