package legion.enlistment;

import java.time.Instant;

/** The embassy recommended the case to HQ vetting (RECOMMEND). Carries no personal data. */
public record EnlistmentRecommended(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                    String actorRole, Instant at) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.RECOMMEND;
    }
}
