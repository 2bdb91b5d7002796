package legion.enlistment;

import java.time.Instant;

/** HQ vetting revoked the travel authorization (REVOKE). Carries no personal data. */
public record EnlistmentRevoked(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                String actorRole, Instant at) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.REVOKE;
    }
}
