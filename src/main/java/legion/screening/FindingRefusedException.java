package legion.screening;

/** A decision on a hit or a duplicate that its rules refuse. The message names the rule, never personal data. */
public class FindingRefusedException extends RuntimeException {

    /** Why a decision was refused. */
    public enum Reason {
        /** Only vetting officers decide screening findings. */
        ROLE_NOT_PERMITTED,
        /** The decision does not leave from the finding's status (decided already, perhaps by another officer). */
        ILLEGAL_STATUS,
        /** Four eyes: the officer who proposed clearing or dismissing may not complete it. */
        FOUR_EYES,
        /** No such finding on this case. */
        NOT_FOUND
    }

    private final Reason reason;

    public FindingRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
