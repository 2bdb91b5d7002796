package legion.enlistment;

import java.time.Instant;

import legion.shared.ServiceRole;

/** Reception enlisted the volunteer in a role and a unit (ENLIST). Carries no personal data. */
public record VolunteerEnlisted(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                String actorRole, Instant at, ServiceRole role, String unit) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.ENLIST;
    }
}
