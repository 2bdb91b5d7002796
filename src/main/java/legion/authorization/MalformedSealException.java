package legion.authorization;

/** The bytes are not a well-formed seal. Messages name the structural problem only, never content. */
@org.springframework.modulith.NamedInterface("seals")
public class MalformedSealException extends Exception {

    public MalformedSealException(String message) {
        super(message);
    }
}
