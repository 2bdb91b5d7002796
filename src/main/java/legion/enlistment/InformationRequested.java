package legion.enlistment;

import java.time.Instant;

/** The embassy asked the volunteer for more information (REQUEST_INFORMATION). Carries no personal data. */
public record InformationRequested(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                   String actorRole, Instant at) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.REQUEST_INFORMATION;
    }
}
