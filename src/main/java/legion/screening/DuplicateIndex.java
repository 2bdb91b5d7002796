package legion.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import legion.screening.internal.Linker;
import legion.screening.internal.LongSet;

/**
 * An incremental, in-memory duplicate finder: records are added one by one (e.g. on every submission) and a new
 * record's likely duplicates are found through the blocking keys of the {@link LinkageConfig} and scored with its
 * model. Safe for concurrent use (many readers, one writer at a time).
 */
public final class DuplicateIndex {

    private final Linker linker;
    private final List<Linker.Prepared> records = new ArrayList<>();
    private final List<Map<String, int[]>> postings = new ArrayList<>();
    private final List<Map<String, Integer>> sizes = new ArrayList<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Per blocking pass, the field whose shared value is the pass's whole key ({@link Linker#valueField}), or null. */
    private final String[] valueField;

    public DuplicateIndex(LinkageConfig config) {
        this.linker = new Linker(config);
        valueField = new String[config.blocking().size()];
        for (int p = 0; p < config.blocking().size(); p++) {
            postings.add(new HashMap<>());
            sizes.add(new HashMap<>());
            String field = linker.valueField(p);
            boolean certain = config.fields().stream().anyMatch(f -> f.name().equals(field) && f.certain());
            valueField[p] = certain ? null : field; // the same passport number stays the same person, however many
        }
    }

    /**
     * A record prepared for this index (its names normalised, its blocking keys made): the costly part of both
     * {@link #add} and {@link #search}, so a record that is added and then looked up is prepared once.
     */
    public static final class Entry {
        private final Linker.Prepared prepared;

        private Entry(Linker.Prepared prepared) {
            this.prepared = prepared;
        }
    }

    /** Prepares a record (a map of column to value; the id column of the config identifies it). */
    public Entry prepare(Map<String, String> record) {
        return new Entry(linker.prepare(record));
    }

    /** Stores a record (a map of column to value; the id column of the config identifies it). */
    public void add(Map<String, String> record) {
        add(prepare(record));
    }

    /** Stores a record prepared by {@link #prepare}. */
    public void add(Entry entry) {
        Linker.Prepared prepared = entry.prepared;
        lock.writeLock().lock();
        try {
            int id = records.size();
            records.add(new Linker.Prepared(prepared.id(), prepared.values(), List.of())); // keys live in postings
            for (int p = 0; p < postings.size(); p++) {
                Map<String, int[]> map = postings.get(p);
                Map<String, Integer> size = sizes.get(p);
                for (String key : prepared.keys().get(p)) {
                    int n = size.getOrDefault(key, 0);
                    int[] list = map.get(key);
                    if (list == null) {
                        list = new int[2];
                    } else if (n == list.length) {
                        list = java.util.Arrays.copyOf(list, n * 2);
                    }
                    list[n] = id;
                    map.put(key, list);
                    size.put(key, n + 1);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** {@link LinkageConfig#maxCandidates()} of this index's configuration. */
    public int maxCandidates() {
        return linker.config().maxCandidates();
    }

    public int size() {
        lock.readLock().lock();
        try {
            return records.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * What one look-up found and cost: the candidates, how many stored records were compared with the query, and how
     * many of its blocks were passed over as too large ({@link LinkageConfig#maxBlockSize()}).
     */
    public record Search(List<ScoredPair> candidates, int comparisons, int oversizedBlocks) {
    }

    /**
     * Stored records that are likely the same person as {@code record} (at or above the configured threshold),
     * best first, each with the per-field reasons. {@code id1} is the given record's id.
     */
    public List<ScoredPair> candidates(Map<String, String> record) {
        return search(record).candidates();
    }

    /**
     * {@link #candidates} with its cost. A block larger than the configured maximum is passed over: a key shared by
     * that many records (a common name with a common birth year, or a flood of one made-up person) is no evidence, and
     * scanning it would make every such look-up cost the whole block; the other passes (passport, e-mail, the full
     * date with the name's sound) still find a real person's duplicate. Likewise a value of a field that is a pass's
     * whole key (an e-mail address) shared by more stored records than that is compared as if missing: agreement on
     * it says nothing about two people (the same passport number still decides). At most
     * {@link LinkageConfig#maxCandidates()} candidates are kept, best first.
     */
    public Search search(Map<String, String> record) {
        return search(prepare(record));
    }

    /** {@link #search(Map)} of a record prepared by {@link #prepare}. */
    public Search search(Entry entry) {
        Linker.Prepared query = entry.prepared;
        int maxBlock = linker.config().maxBlockSize();
        List<ScoredPair> out = new ArrayList<>();
        int comparisons = 0;
        int oversized = 0;
        lock.readLock().lock();
        try {
            // a value more than a block's worth of records share (one e-mail address on every application of a
            // flood, or a recruiter's on many) is no evidence that two of them are one person: compared without it
            Set<String> common = new HashSet<>();
            for (int p = 0; p < postings.size(); p++) {
                String field = valueField[p];
                if (field != null) {
                    for (String key : query.keys().get(p)) {
                        if (sizes.get(p).getOrDefault(key, 0) > maxBlock) {
                            common.add(field);
                        }
                    }
                }
            }
            Linker.Prepared without = common.isEmpty() ? null : linker.without(query, common);
            if (without != null) {
                query = without;
            }
            double[] bound = linker.bound(query);
            LongSet seen = new LongSet(256); // unboxed: a boxed set was an eighth of screening's time
            for (int p = 0; p < postings.size(); p++) {
                for (String key : query.keys().get(p)) {
                    int[] list = postings.get(p).get(key);
                    if (list == null) {
                        continue;
                    }
                    int n = sizes.get(p).get(key);
                    if (n > maxBlock) {
                        oversized++;
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        int id = list[i];
                        Linker.Prepared other = records.get(id);
                        if (!seen.add(id) || other.id().equals(query.id())) {
                            continue;
                        }
                        comparisons++;
                        if (linker.reachesThreshold(query, bound, other)) {
                            out.add(linker.explain(query, other));
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        out.sort(Comparator.comparingDouble(ScoredPair::score).reversed().thenComparing(ScoredPair::id2));
        int max = linker.config().maxCandidates();
        List<ScoredPair> kept = max > 0 && out.size() > max ? List.copyOf(out.subList(0, max)) : out;
        return new Search(kept, comparisons, oversized);
    }
}
