package legion.authorization;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where the signed revocation list is kept: in the database when Legion serves (every node sees the same list, see
 * {@code JdbcRevocationStore}), in a file for the command line and single-process tools ({@link FileRevocationStore}).
 */
public interface RevocationStore {

    /** The newest stored list, as {@link RevocationList#serialize()} wrote it, if any. */
    Optional<String> latest();

    /** The sequence number of the newest stored list, {@code -1} when there is none. Cheap: nodes ask it often. */
    long latestSequence();

    /**
     * Stores the list {@code next} makes of the newest stored one, while holding the store's lock so that no other
     * writer (thread or node) publishes in between. A transaction the caller is in includes the write.
     *
     * @param next the new list, or {@code null} to store nothing
     * @return the list stored, or {@code null} when {@code next} returned {@code null}
     */
    RevocationList publish(Function<Optional<String>, RevocationList> next);
}
