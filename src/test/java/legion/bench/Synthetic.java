package legion.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import legion.screening.internal.CsvTable;

/**
 * Febrl-like synthetic people for the speed benchmarks: values drawn from the pools of the three Febrl datasets,
 * duplicates made with the typos record linkage must survive (letter typos, swapped names, swapped day and month,
 * digit typos, missing values).
 */
final class Synthetic {

    private final Random random;
    private final List<String> given;
    private final List<String> surnames;
    private final List<String> streets;
    private final List<String> suburbs;
    private final List<String> postcodes;
    private static final String[] STATES = {"nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt"};
    private static final String[] COUNTRIES = {"GB", "US", "DE", "CA", "FR", "PL", "NL", "SE", "NO", "DK", "FI", "LV",
            "LT", "EE", "IE", "AU", "NZ", "IT", "ES", "PT", "CZ", "SK", "HR", "RO", "BR", "AR", "CO", "JP", "KR", "GE"};

    Synthetic(Path febrlDir, long seed) {
        random = new Random(seed);
        Set<String> g = new LinkedHashSet<>();
        Set<String> s = new LinkedHashSet<>();
        Set<String> st = new LinkedHashSet<>();
        Set<String> sb = new LinkedHashSet<>();
        Set<String> pc = new LinkedHashSet<>();
        for (int i = 1; i <= 3; i++) {
            for (Map<String, String> r : CsvTable.read(febrlDir.resolve("febrl-dataset" + i + ".csv"), List.of()).rows()) {
                add(g, r.get("given_name"));
                add(s, r.get("surname"));
                add(st, r.get("address_1"));
                add(sb, r.get("suburb"));
                add(pc, r.get("postcode"));
            }
        }
        given = new ArrayList<>(g);
        surnames = new ArrayList<>(s);
        streets = new ArrayList<>(st);
        suburbs = new ArrayList<>(sb);
        postcodes = new ArrayList<>(pc);
    }

    private static void add(Set<String> set, String v) {
        if (v != null && !v.isBlank()) {
            set.add(v.strip());
        }
    }

    private String pick(List<String> l) {
        return l.get(random.nextInt(l.size()));
    }

    /** A Febrl-layout record. */
    Map<String, String> febrl(String id) {
        Map<String, String> r = new HashMap<>();
        r.put("rec_id", id);
        r.put("given_name", pick(given));
        r.put("surname", pick(surnames));
        r.put("street_number", Integer.toString(1 + random.nextInt(300)));
        r.put("address_1", pick(streets));
        r.put("address_2", random.nextInt(3) == 0 ? pick(streets) : "");
        r.put("suburb", pick(suburbs));
        r.put("postcode", pick(postcodes));
        r.put("state", STATES[random.nextInt(STATES.length)]);
        r.put("date_of_birth", String.format(Locale.ROOT, "%04d%02d%02d", 1920 + random.nextInt(85),
                1 + random.nextInt(12), 1 + random.nextInt(28)));
        r.put("soc_sec_id", Integer.toString(1_000_000 + random.nextInt(9_000_000)));
        return r;
    }

    /** A duplicate of a Febrl record with one to three corruptions. */
    Map<String, String> febrlDuplicate(Map<String, String> original, String id) {
        Map<String, String> r = new HashMap<>(original);
        r.put("rec_id", id);
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(8)) {
                case 0 -> r.put("given_name", typo(r.get("given_name")));
                case 1 -> r.put("surname", typo(r.get("surname")));
                case 2 -> {
                    String g = r.get("given_name");
                    r.put("given_name", r.get("surname"));
                    r.put("surname", g);
                }
                case 3 -> r.put("date_of_birth", dateTypo(r.get("date_of_birth")));
                case 4 -> r.put("soc_sec_id", digitTypo(r.get("soc_sec_id")));
                case 5 -> r.put("address_1", typo(r.get("address_1")));
                case 6 -> r.put("postcode", digitTypo(r.get("postcode")));
                default -> r.put(random.nextBoolean() ? "suburb" : "address_2", "");
            }
        }
        return r;
    }

    /** An applicant in the layout of {@code screening/applicants.yml}. */
    Map<String, String> applicant(String reference) {
        Map<String, String> r = new HashMap<>();
        String g = pick(given);
        String s = pick(surnames);
        r.put("reference", reference);
        r.put("given_names", random.nextInt(4) == 0 ? g + " " + pick(given) : g);
        r.put("surname", s);
        r.put("date_of_birth", String.format(Locale.ROOT, "%04d-%02d-%02d", 1962 + random.nextInt(46),
                1 + random.nextInt(12), 1 + random.nextInt(28)));
        r.put("nationality", COUNTRIES[random.nextInt(COUNTRIES.length)]);
        r.put("passport_number", String.format(Locale.ROOT, "%c%c%07d", (char) ('A' + random.nextInt(26)),
                (char) ('A' + random.nextInt(26)), random.nextInt(10_000_000)));
        r.put("email", g + "." + s + random.nextInt(1000) + "@example.org");
        return r;
    }

    /** The same person applying again elsewhere: new passport, a typo or swapped date, maybe no e-mail. */
    Map<String, String> applicantAgain(Map<String, String> original, String reference) {
        Map<String, String> r = new HashMap<>(original);
        r.put("reference", reference);
        r.put("passport_number", String.format(Locale.ROOT, "Z%c%07d", (char) ('A' + random.nextInt(26)),
                random.nextInt(10_000_000)));
        switch (random.nextInt(3)) {
            case 0 -> r.put("surname", typo(r.get("surname")));
            case 1 -> r.put("given_names", typo(r.get("given_names")));
            default -> {
                String d = r.get("date_of_birth");
                r.put("date_of_birth", d.substring(0, 5) + d.substring(8, 10) + "-" + d.substring(5, 7));
            }
        }
        if (random.nextBoolean()) {
            r.put("email", "");
        }
        return r;
    }

    String typo(String s) {
        if (s == null || s.length() < 3) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 2);
        char c = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, i) + c + s.substring(i + 1);                          // substitution
            case 1 -> s.substring(0, i) + c + s.substring(i);                              // insertion
            case 2 -> s.substring(0, i) + s.substring(i + 1);                              // deletion
            default -> s.substring(0, i - 1) + s.charAt(i) + s.charAt(i - 1) + s.substring(i + 1); // transposition
        };
    }

    String digitTypo(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        int i = random.nextInt(s.length());
        return s.substring(0, i) + random.nextInt(10) + s.substring(i + 1);
    }

    String dateTypo(String yyyymmdd) {
        if (random.nextBoolean() && Integer.parseInt(yyyymmdd.substring(6, 8)) <= 12) {
            return yyyymmdd.substring(0, 4) + yyyymmdd.substring(6, 8) + yyyymmdd.substring(4, 6);
        }
        return digitTypo(yyyymmdd);
    }

    Random random() {
        return random;
    }
}
