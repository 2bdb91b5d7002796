package legion.parole;

import java.time.Instant;
import java.util.Objects;

import legion.shared.Actor;

/** Who acts on a case, when, and why (the reason may be empty where the edge needs none). */
public record Act(Actor actor, Instant at, String reason) {

    public Act {
        Objects.requireNonNull(actor);
        Objects.requireNonNull(at);
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
