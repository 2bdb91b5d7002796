package legion.advisory;

/** Another administrator changed the same advisory at the same moment; this edit was not stored. */
public class AdvisoryConflictException extends RuntimeException {

    public AdvisoryConflictException() {
        super("another administrator changed this advisory at the same moment; reload and try again");
    }
}
