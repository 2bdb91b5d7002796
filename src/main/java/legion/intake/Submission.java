package legion.intake;

import java.time.Instant;

import legion.embassy.Embassy;
import legion.enlistment.Reference;
import legion.enlistment.Stage;

/** The answer to an accepted application; {@code replayed} when it repeats an earlier one (idempotency). */
public record Submission(Reference reference, Stage status, Embassy embassy, Instant submittedAt, boolean replayed) {
}
