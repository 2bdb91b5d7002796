package legion.screening;

import java.nio.file.Path;

import legion.screening.internal.OfacCsvParser;
import legion.screening.internal.UnXmlParser;

/** Loads sanctions lists from their published file formats. */
public final class Watchlists {

    private Watchlists() {
    }

    /** The UN Security Council consolidated list (XML). */
    public static Watchlist loadUn(Path xml) {
        return new UnXmlParser().parse(xml);
    }

    /**
     * The OFAC SDN list in its legacy CSV release: {@code sdn.csv}, {@code alt.csv}, {@code add.csv} and optionally
     * {@code sdn_comments.csv}. {@code location} is either a directory holding one such set (files may share a
     * prefix, as in {@code ofac-sdn-snapshot-sdn.csv}) or the common path prefix of the files.
     */
    public static Watchlist loadOfac(Path location) {
        return new OfacCsvParser().parse(location);
    }

    /** Loads by source name: {@code un} or {@code ofac}. */
    public static Watchlist load(String source, Path location) {
        return switch (source) {
            case "un" -> loadUn(location);
            case "ofac" -> loadOfac(location);
            default -> throw new IllegalArgumentException("unknown list '" + source + "' (known: un, ofac)");
        };
    }
}
