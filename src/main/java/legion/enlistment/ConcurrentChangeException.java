package legion.enlistment;

/** Someone else changed the case since it was read: the action was not applied and may be retried. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(Reference reference) {
        super("case " + reference + " was changed by someone else; reload and try again");
    }
}
