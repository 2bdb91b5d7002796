package legion.enlistment;

import java.time.Instant;

/** The volunteer's answer to an information request was received (RECEIVE_INFORMATION). Carries no personal data. */
public record InformationReceived(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                                  String actorRole, Instant at) implements StageChanged {

    @Override
    public Transition transition() {
        return Transition.RECEIVE_INFORMATION;
    }
}
