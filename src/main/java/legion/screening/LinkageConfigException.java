package legion.screening;

/** A record-linkage configuration or input that cannot be used; the message names the key, row or column. */
public class LinkageConfigException extends RuntimeException {

    public LinkageConfigException(String message) {
        super(message);
    }

    public LinkageConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
