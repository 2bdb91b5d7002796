package legion.rules;

/** What one rule, or a whole policy, says about a subject (an application, a convict, a holder); ordered from best to worst. */
public enum Outcome {
    /** The rule is met. */
    PASS,
    /** A person must look at it (for example a declared criminal record, or a qualification to verify). */
    NEEDS_REVIEW,
    /** The rule is not met. */
    FAIL;

    public Outcome worst(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
