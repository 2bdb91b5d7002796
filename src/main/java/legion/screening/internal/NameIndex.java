package legion.screening.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocking index over normalised names: each token contributes keys (folded token prefix and suffix, consonant
 * skeleton prefix, and for short words their one-deletion variants); a query retrieves the names that share keys with enough of its tokens. Not thread-safe for
 * writes; concurrent reads after loading are safe.
 *
 * @param <T> what each indexed name points to
 */
public final class NameIndex<T> {

    /** Per-thread counters reused across queries (cleared through the touched list), so a query allocates little. */
    private static final class Scratch {
        int[] hits = new int[0];
        int[] lastToken = new int[0];
        float[] rarity = new float[0];
        int[] touched = new int[256];

        void ensure(int size) {
            if (hits.length < size) {
                int n = Math.max(size, hits.length * 2);
                hits = new int[n];
                lastToken = new int[n];
                rarity = new float[n];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final List<NormalizedName> names = new ArrayList<>();
    private final List<T> payloads = new ArrayList<>();
    private final Map<String, int[]> postings = new HashMap<>();
    private final Map<String, Integer> postingSizes = new HashMap<>();

    public int add(NormalizedName name, T payload) {
        int id = names.size();
        names.add(name);
        payloads.add(payload);
        Set<String> keys = new LinkedHashSet<>();
        for (NormalizedName form : name.forms()) {
            keys.addAll(keys(form, true));
        }
        for (String key : keys) {
            int[] list = postings.get(key);
            int size = postingSizes.getOrDefault(key, 0);
            if (list == null) {
                list = new int[4];
            } else if (size == list.length) {
                list = java.util.Arrays.copyOf(list, size * 2);
            }
            list[size] = id;
            postings.put(key, list);
            postingSizes.put(key, size + 1);
        }
        return id;
    }

    public int size() {
        return names.size();
    }

    public NormalizedName name(int id) {
        return names.get(id);
    }

    public T payload(int id) {
        return payloads.get(id);
    }

    /** As {@link #candidates(NormalizedName, int)} without a limit. */
    public int[] candidates(NormalizedName query) {
        return candidates(query, Integer.MAX_VALUE);
    }

    /**
     * Ids of indexed names sharing keys with enough of the query's words: all of a one-word name, otherwise all but
     * one and at least two. When more than {@code limit} qualify, those with the rarest shared keys (summed inverse
     * frequency over the query's words) are kept, so a name made of very common words (Mohammed Ahmed) cannot
     * flood the scorer.
     */
    public int[] candidates(NormalizedName query, int limit) {
        if (query.readings().isEmpty()) {
            return candidatesOf(query, limit);
        }
        // a name written in Han is looked up in each of its readings
        java.util.LinkedHashSet<Integer> all = new java.util.LinkedHashSet<>();
        for (NormalizedName form : query.forms()) {
            for (int id : candidatesOf(form, limit)) {
                all.add(id);
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] candidatesOf(NormalizedName query, int limit) {
        List<String> folded = query.folded();
        int nq = folded.size();
        int nqFull = 0;
        for (String t : query.tokens()) {
            nqFull += t.length() > 1 ? 1 : 0;
        }
        if (nq == 0) {
            return new int[0];
        }
        int total = names.size();
        Scratch scratch = SCRATCH.get();
        scratch.ensure(total);
        int[] hits = scratch.hits;
        int[] lastToken = scratch.lastToken;
        float[] rarity = scratch.rarity;
        int[] touched = scratch.touched;
        int touchedCount = 0;
        Set<String> seen = new java.util.HashSet<>();
        for (int t = 0; t < nq; t++) {
            Set<String> keys = tokenKeys(query.tokens().get(t), folded.get(t), query.abjad());
            for (String key : keys) {
                if (!seen.add(key)) {
                    continue; // a key shared by two query tokens is evidence for one of them only
                }
                int[] list = postings.get(key);
                if (list == null) {
                    continue;
                }
                int size = postingSizes.get(key);
                float idf = (float) Math.log((double) total / size);
                for (int i = 0; i < size; i++) {
                    int id = list[i];
                    if (hits[id] == 0) {
                        if (touchedCount == touched.length) {
                            touched = java.util.Arrays.copyOf(touched, touchedCount * 2);
                        }
                        touched[touchedCount++] = id;
                        hits[id] = 1;
                        lastToken[id] = t;
                        rarity[id] = idf;
                    } else if (lastToken[id] != t) {
                        hits[id]++;
                        lastToken[id] = t;
                        rarity[id] += idf;
                    }
                }
            }
        }
        scratch.touched = touched;
        int[] out = new int[touchedCount];
        int n = 0;
        for (int k = 0; k < touchedCount; k++) {
            int id = touched[k];
            int shorter = Math.min(nqFull, names.get(id).tokens().size());
            int need = shorter <= 1 ? 1 : Math.max(2, shorter - 1);
            if (hits[id] >= need) {
                out[n++] = id;
            }
        }
        float[] ranks = new float[n];
        for (int k = 0; k < n; k++) {
            // rarer shared words first; among equals, names whose length is closest to the query's
            int extra = Math.abs(names.get(out[k]).tokens().size() - nq);
            ranks[k] = rarity[out[k]] - 0.25f * extra + (names.get(out[k]).joinedFolded().equals(query.joinedFolded()) ? 100 : 0);
        }
        for (int k = 0; k < touchedCount; k++) {
            hits[touched[k]] = 0; // leave the scratch arrays clean for the next query on this thread
        }
        if (n <= limit) {
            return java.util.Arrays.copyOf(out, n);
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (x, y) -> Float.compare(ranks[y], ranks[x]));
        int[] top = new int[limit];
        for (int k = 0; k < limit; k++) {
            top[k] = out[order[k]];
        }
        return top;
    }

    private static Set<String> keys(NormalizedName name, boolean indexing) {
        Set<String> keys = new LinkedHashSet<>();
        for (int t = 0; t < name.tokens().size(); t++) {
            keys.addAll(tokenKeys(name.tokens().get(t), name.folded().get(t), indexing));
        }
        // a name written as one word (SergeiLavrov) is found through its joined form's keys too
        if (name.tokens().size() > 1) {
            String joined = NameNormalizer.fold(name.joined(), false);
            keys.add("p:" + prefix(joined));
            keys.add("s:" + suffix(joined));
        }
        return keys;
    }

    private static Set<String> tokenKeys(String token, String folded, boolean withSkeleton) {
        Set<String> keys = new LinkedHashSet<>(4);
        keys.add("p:" + prefix(folded));
        keys.add("s:" + suffix(folded));
        if (token.length() == 1) {
            return keys;
        }
        if (folded.length() >= 4 && folded.length() <= 7) {
            // one-deletion neighbourhood: short words whose typo changes both ends still share a key (willy, welly)
            for (int i = 0; i < folded.length(); i++) {
                keys.add("d:" + folded.substring(0, i) + folded.substring(i + 1));
            }
        }
        if (withSkeleton) {
            String sk = consonants(token);
            if (sk.length() >= 2) {
                keys.add("k:" + prefix(sk));
            }
        }
        return keys;
    }

    /** Consonants of the unfolded token, doubles collapsed: muhammad, mohamed and mhmd all give mhmd. */
    private static String consonants(String token) {
        StringBuilder sb = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0 || (sb.length() > 0 && sb.charAt(sb.length() - 1) == c)) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String prefix(String s) {
        return s.length() <= 3 ? s : s.substring(0, 3);
    }

    private static String suffix(String s) {
        return s.length() <= 3 ? s : s.substring(s.length() - 3);
    }
}
