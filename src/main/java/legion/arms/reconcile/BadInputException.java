package legion.arms.reconcile;

/** A register or journal file that cannot be read as the contract defines it; the message names file, row, column. */
public final class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
