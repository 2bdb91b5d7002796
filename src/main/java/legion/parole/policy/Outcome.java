package legion.parole.policy;

/** What a parole policy says of a convict (the {@code outcome} column of {@code parole-screen}). */
public enum Outcome {
    /** Every rule is met. */
    ELIGIBLE,
    /** Only rules that defer are failed: eligible from a later day. */
    ELIGIBLE_FROM,
    /** A rule that excludes is failed. */
    NOT_ELIGIBLE,
    /** What was given could not be read (an offence, a date): never eligible, judged again once corrected. */
    INVALID
}
