package legion.eligibility;

/** A case whose outcome a new policy version changed: the reference only, no personal data. */
public record OutcomeChange(String reference, Outcome before, Outcome after) {
}
