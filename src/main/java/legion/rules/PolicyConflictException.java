package legion.rules;

/** Another policy version was published at the same moment; nothing was published. */
public class PolicyConflictException extends RuntimeException {

    public PolicyConflictException() {
        super("another policy version was published at the same moment; reload and try again");
    }
}
