package legion.enlistment;

import java.time.Instant;

/** The volunteer was authorized to travel (AUTHORIZE); the travel authorization is issued with it. Carries no personal data. */
public record EnlistmentAuthorized(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                   String actorRole, Instant at) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.AUTHORIZE;
    }
}
