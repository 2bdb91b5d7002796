package legion.advisory;

/** What a country's law, as far as is publicly known, says about its citizens serving in a foreign army. */
public enum AdvisoryStatus {
    /** Publicly allowed (for example by a vote of parliament). */
    PERMITTED,
    /** Allowed under conditions the summary states. */
    PERMITTED_WITH_CONDITIONS,
    /** No clear public position, or only informal statements; also every country without information on file. */
    UNCLEAR,
    /** Limited by law; the summary says how. */
    RESTRICTED,
    /** Forbidden by law. */
    PROHIBITED
}
