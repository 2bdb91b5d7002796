package legion.screening;

import legion.screening.internal.NameNormalizer;
import legion.screening.internal.NameScorer;
import legion.screening.internal.NormalizedName;

/**
 * Similarity of two person or organisation names in any script, 0..1, robust to word order, initials, typos,
 * titles and transliteration. Thread-safe; see docs/adr/0020-name-matching.md.
 */
public final class NameMatcher {

    /** Scores at or above this are judged the same name (the one shipped threshold). */
    public static final double THRESHOLD = 0.88;

    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameScorer scorer = new NameScorer();

    public double score(String a, String b) {
        return scorer.score(normalizer.normalize(a), normalizer.normalize(b));
    }

    public boolean isMatch(String a, String b) {
        return score(a, b) >= THRESHOLD;
    }

    /** Normalises once so that one name can be compared against many (as the screener does). */
    public NormalizedName normalize(String name) {
        return normalizer.normalize(name);
    }

    public double score(NormalizedName a, NormalizedName b) {
        return scorer.score(a, b);
    }

    /** As {@link #score(NormalizedName, NormalizedName)}, reusing word similarities of query {@code a}. */
    public double score(NormalizedName a, NormalizedName b, NameScorer.Memo memo) {
        return scorer.score(a, b, memo);
    }
}
