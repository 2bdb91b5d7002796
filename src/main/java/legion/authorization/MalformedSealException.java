package legion.authorization;

/** The bytes are not a well-formed seal. Messages name the structural problem only, never content. */
public class MalformedSealException extends Exception {

    public MalformedSealException(String message) {
        super(message);
    }
}
