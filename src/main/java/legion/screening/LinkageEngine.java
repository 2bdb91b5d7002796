package legion.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import legion.screening.internal.Linker;
import legion.screening.internal.LongSet;

/**
 * Batch record linkage (deduplication) of one set of records under a {@link LinkageConfig}: every blocking pass
 * groups records by key, all pairs inside a block (up to the configured block size) become candidates, candidates
 * of all passes are united and scored, and pairs at or above the threshold are returned.
 */
public final class LinkageEngine {

    private final Linker linker;

    public LinkageEngine(LinkageConfig config) {
        this.linker = new Linker(config);
    }

    /** Statistics of the last run, for benchmarks. */
    public record Stats(int records, long candidatePairs, int skippedBlocks) {
    }

    private volatile Stats lastStats = new Stats(0, 0, 0);

    public Stats lastStats() {
        return lastStats;
    }

    /** Pairs judged the same person, ordered by first id then second. Records are maps of column to value. */
    public List<ScoredPair> dedupe(List<Map<String, String>> records) {
        List<Linker.Prepared> prepared = records.parallelStream().map(linker::prepare).toList();
        int passes = linker.config().blocking().size();
        LongSet pairs = new LongSet(Math.max(16, prepared.size() * 4));
        int skipped = 0;
        for (int p = 0; p < passes; p++) {
            Map<String, List<Integer>> blocks = new HashMap<>();
            for (int i = 0; i < prepared.size(); i++) {
                for (String key : prepared.get(i).keys().get(p)) {
                    blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
                }
            }
            for (List<Integer> block : blocks.values()) {
                if (block.size() < 2) {
                    continue;
                }
                if (block.size() > linker.config().maxBlockSize()) {
                    skipped++;
                    continue;
                }
                for (int x = 0; x < block.size(); x++) {
                    for (int y = x + 1; y < block.size(); y++) {
                        int a = block.get(x);
                        int b = block.get(y);
                        if (a != b) {
                            pairs.add(a < b ? ((long) a << 32) | b : ((long) b << 32) | a);
                        }
                    }
                }
            }
        }
        long[] candidates = pairs.toArray();
        List<ScoredPair> out = IntStream.range(0, candidates.length).parallel()
                .mapToObj(k -> {
                    Linker.Prepared a = prepared.get((int) (candidates[k] >>> 32));
                    Linker.Prepared b = prepared.get((int) candidates[k]);
                    if (!linker.reachesThreshold(a, b)) {
                        return null;
                    }
                    ScoredPair sp = linker.explain(a, b);
                    return a.id().compareTo(b.id()) <= 0 ? sp
                            : new ScoredPair(b.id(), a.id(), sp.score(), sp.reasons());
                })
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(ScoredPair::id1).thenComparing(ScoredPair::id2))
                .toList();
        lastStats = new Stats(prepared.size(), candidates.length, skipped);
        return out;
    }

    /** A record prepared once (names normalised, dates parsed) to be compared with many others. */
    public static final class Prepared {
        private final Linker.Prepared record;

        private Prepared(Linker.Prepared record) {
            this.record = record;
        }
    }

    /** Prepares one record (a map of column to value; the id column must hold a value) for {@link #score}. */
    public Prepared prepare(Map<String, String> record) {
        return new Prepared(linker.prepare(record));
    }

    /** Prepares a batch of records in parallel, normalising each distinct field value once. In the batch's order. */
    public List<Prepared> prepareAll(List<Map<String, String>> records) {
        java.util.concurrent.ConcurrentMap<String, Object> memo = new java.util.concurrent.ConcurrentHashMap<>();
        return records.parallelStream().map(r -> new Prepared(linker.prepare(r, memo))).toList();
    }

    /** The match probability of two prepared records (0..1), without reasons. */
    public double score(Prepared a, Prepared b) {
        return linker.probability(a.record, b.record);
    }

    /** Scores one pair of records with reasons, whatever the blocking would have proposed. */
    public ScoredPair compare(Map<String, String> a, Map<String, String> b) {
        return linker.explain(linker.prepare(a), linker.prepare(b));
    }
}
