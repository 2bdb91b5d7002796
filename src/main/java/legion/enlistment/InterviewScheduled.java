package legion.enlistment;

import java.time.Instant;

/** The volunteer was invited to an interview (INVITE_TO_INTERVIEW). Carries no personal data. */
public record InterviewScheduled(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                 String actorRole, Instant at) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.INVITE_TO_INTERVIEW;
    }
}
