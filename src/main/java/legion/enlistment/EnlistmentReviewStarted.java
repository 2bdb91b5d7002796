package legion.enlistment;

import java.time.Instant;

/** An embassy officer started reviewing a case (START_REVIEW). Carries no personal data. */
public record EnlistmentReviewStarted(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                      String actorRole, Instant at) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.START_REVIEW;
    }
}
