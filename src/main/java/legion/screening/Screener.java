package legion.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import legion.screening.internal.Countries;
import legion.screening.internal.NameIndex;
import legion.screening.internal.NameScorer;
import legion.screening.internal.NormalizedName;

/**
 * Screens people against loaded watchlists. Every name and alias of every entry is indexed once; a person's names
 * retrieve candidates through blocking keys, are scored with {@link NameMatcher}, and the best name score per
 * entry is adjusted by qualifiers: a matching date of birth or nationality raises it, a different birth year,
 * nationality or gender lowers it. Immutable after construction and safe for concurrent use.
 */
public final class Screener {

    /** Hits at or above this adjusted score are reported. */
    public static final double THRESHOLD = 0.88;

    /** Names scored per query name at most, the rarest shared words first (see {@link NameIndex#candidates}). */
    static final int MAX_CANDIDATES = 150;

    private final NameMatcher matcher = new NameMatcher();
    private final NameIndex<Listed> index = new NameIndex<>();

    private record Listed(WatchlistEntry entry, String name) {
    }
    private final Map<String, String> versions = new LinkedHashMap<>();

    public Screener(List<Watchlist> lists) {
        for (Watchlist list : lists) {
            versions.put(list.source(), list.version());
            for (WatchlistEntry e : list.entries()) {
                for (String name : e.allNames()) {
                    NormalizedName n = matcher.normalize(name);
                    if (!n.isEmpty()) {
                        index.add(n, new Listed(e, name));
                    }
                }
            }
        }
    }

    /** Source name to list version of the loaded lists. */
    public Map<String, String> listVersions() {
        return Map.copyOf(versions);
    }

    /** Number of indexed names and aliases. */
    public int indexedNames() {
        return index.size();
    }

    /** Hits over {@link #THRESHOLD}, best first, at most one per listed entry. */
    public List<Hit> screen(Person person) {
        return screen(person, THRESHOLD);
    }

    public List<Hit> screen(Person person, double threshold) {
        List<String> names = new ArrayList<>();
        names.add(person.fullName());
        names.addAll(person.otherNames());
        Map<WatchlistEntry, Hit> best = new HashMap<>();
        String nationality = person.nationality() == null ? null
                : Countries.toIso2(person.nationality()).orElse(null);
        for (String name : names) {
            NormalizedName query = matcher.normalize(name);
            if (query.isEmpty()) {
                continue;
            }
            NameScorer.Memo memo = new NameScorer.Memo();
            for (int id : candidates(query)) {
                if (index.name(id).tokens().size() == 1 && query.tokens().size() > 1) {
                    continue; // a one-word alias ("Romeo", "Lydia") is no evidence against a full name
                }
                double nameScore = matcher.score(query, index.name(id), memo);
                if (nameScore < threshold - 0.2) {
                    continue; // no qualifier can lift it over the threshold
                }
                Listed listed = index.payload(id);
                WatchlistEntry entry = listed.entry();
                Hit current = best.get(entry);
                if (current != null && current.nameScore() >= nameScore) {
                    continue;
                }
                best.put(entry, qualify(entry, listed.name(), nameScore, person, nationality));
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Hit h : best.values()) {
            if (h.score() >= threshold) {
                hits.add(h);
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::listId));
        return hits;
    }

    /**
     * The listed names to score against {@code query}: those found through each of its forms (a Cyrillic name is
     * looked up as Any-Latin reads it and as Ukrainian is written in Latin letters; Han in each of its readings).
     */
    private int[] candidates(NormalizedName query) {
        List<NormalizedName> forms = query.forms();
        if (forms.size() == 1) {
            return index.candidates(query, MAX_CANDIDATES);
        }
        java.util.LinkedHashSet<Integer> ids = new java.util.LinkedHashSet<>();
        for (NormalizedName form : forms) {
            for (int id : index.candidates(form, MAX_CANDIDATES)) {
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 0 when the two ranges of years overlap, else the gap between them in years. */
    static int yearDistance(BirthDate a, BirthDate b) {
        if (a.toYear() < b.fromYear()) {
            return b.fromYear() - a.toYear();
        }
        return a.fromYear() > b.toYear() ? a.fromYear() - b.toYear() : 0;
    }

    private static Hit qualify(WatchlistEntry e, String matched, double nameScore, Person p, String nationality) {
        double score = nameScore;
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "name similarity %.2f", nameScore));
        BirthDate dob = p.birth();
        if (dob != null && !e.birthDates().isEmpty()) {
            int distance = Integer.MAX_VALUE;
            boolean sameDay = false;
            for (BirthDate b : e.birthDates()) {
                distance = Math.min(distance, yearDistance(dob, b));
                sameDay |= dob.day() != null && dob.day().equals(b.day());
            }
            if (sameDay) {
                score += (1 - score) * 0.5;
                reasons.add("date of birth matches");
            } else if (distance == 0) {
                score += (1 - score) * 0.25;
                reasons.add("birth year matches");
            } else if (distance == 1) {
                score *= 0.97;
                reasons.add("birth year differs by one");
            } else {
                score *= 0.85;
                reasons.add("birth year differs");
            }
        }
        if (nationality != null && !e.countryCodes().isEmpty()) {
            if (e.countryCodes().contains(nationality)) {
                score += (1 - score) * 0.15;
                reasons.add("nationality matches");
            } else {
                score *= 0.93;
                reasons.add("nationality differs");
            }
        }
        String gender = normalGender(p.gender());
        if (gender != null && e.gender() != null && !gender.equals(e.gender())) {
            score *= 0.9;
            reasons.add("gender differs");
        }
        if (!e.individual()) {
            score *= 0.9;
            reasons.add("listed entry is not an individual");
        }
        return new Hit(e.list(), e.id(), matched, Math.min(1.0, score), nameScore, reasons);
    }

    private static String normalGender(String g) {
        if (g == null || g.isBlank()) {
            return null;
        }
        String s = g.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "m", "male" -> "male";
            case "f", "female" -> "female";
            default -> null;
        };
    }
}
