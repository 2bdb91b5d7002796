package legion.screening;

import java.util.List;

/**
 * One loaded sanctions list.
 *
 * @param source  short name ("un", "ofac")
 * @param version the list's own version (UN: {@code dateGenerated}; OFAC: SHA-256 prefix of the files)
 * @param entries the listed persons and entities
 */
public record Watchlist(String source, String version, List<WatchlistEntry> entries) {

    public Watchlist {
        entries = List.copyOf(entries);
    }
}
