package legion.rules;

/** A subject whose outcome a new policy version changed: its reference only, no personal data. */
public record OutcomeChange(String reference, Outcome before, Outcome after) {
}
