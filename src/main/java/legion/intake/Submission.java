package legion.intake;

import java.time.Instant;

import legion.advisory.Advisory;
import legion.embassy.Embassy;
import legion.enlistment.Reference;
import legion.enlistment.Stage;

/**
 * The answer to an accepted application; {@code replayed} when it repeats an earlier one (idempotency).
 * {@code legalAdvisory} is the home-country advisory the volunteer acknowledged, in the version stored with the case.
 */
public record Submission(Reference reference, Stage status, Embassy embassy, Instant submittedAt, boolean replayed,
                         Advisory legalAdvisory) {
}
