package legion.screening;

/**
 * A list, CSV or configuration file that cannot be read. Messages name the file, row, element or column,
 * never the personal data found there.
 */
public class WatchlistFormatException extends RuntimeException {

    public WatchlistFormatException(String message) {
        super(message);
    }

    public WatchlistFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
