package legion.enlistment;

import java.time.Instant;

/** Reception confirmed the volunteer's arrival (CONFIRM_ARRIVAL). Carries no personal data. */
public record VolunteerArrived(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                               String actorRole, Instant at) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.CONFIRM_ARRIVAL;
    }
}
