package legion.enlistment;

import java.time.Instant;

/** The volunteer withdrew the application (WITHDRAW). Carries no personal data. */
public record EnlistmentWithdrawn(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                  String actorRole, Instant at) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.WITHDRAW;
    }
}
