package legion.review;

/** No case with this reference is visible to the actor (whether it exists elsewhere is not said). */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException() {
        super("no such case");
    }
}
