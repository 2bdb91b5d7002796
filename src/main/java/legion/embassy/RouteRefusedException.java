package legion.embassy;

/** A routing change refused for bad input, naming what was wrong so that pages can say it in the officer's language. */
public class RouteRefusedException extends IllegalArgumentException {

    /** What was wrong. */
    public enum Reason {
        UNKNOWN_COUNTRY, UNKNOWN_EMBASSY
    }

    private final Reason reason;

    RouteRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
