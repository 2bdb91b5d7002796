package legion.screening.internal;

import java.util.Locale;

/**
 * The comparators a linkage configuration can name. Each prepares a raw value once per record ({@code null} when
 * missing) and compares two prepared values to a similarity 0..1.
 */
public enum FieldComparator {

    /** Person names in any script (transliterated, order-free, typo and initial tolerant): {@link NameScorer}. */
    NAME(0.6, 0.95) {
        @Override
        Object prepare(String raw) {
            NormalizedName n = NORMALIZER.normalize(raw);
            return n.isEmpty() ? null : n;
        }

        @Override
        double compare(Object a, Object b) {
            NormalizedName x = (NormalizedName) a;
            NormalizedName y = (NormalizedName) b;
            if (x.joinedFolded().equals(y.joinedFolded()) && x.tokens().size() == y.tokens().size()) {
                return 1.0;
            }
            return SCORER.score(x, y);
        }
    },
    /** Dates (yyyymmdd, yyyy-mm-dd, dd/mm/yyyy, dd.mm.yyyy) with typical typos: day and month swapped, one digit wrong or two adjacent digits transposed. */
    DATE(0.5, 1.0) {
        @Override
        Object prepare(String raw) {
            return parseDate(raw);
        }

        @Override
        double compare(Object a, Object b) {
            String x = (String) a;
            String y = (String) b;
            if (x.equals(y)) {
                return 1.0;
            }
            if (x.substring(0, 4).equals(y.substring(0, 4)) && x.substring(4, 6).equals(y.substring(6, 8))
                    && x.substring(6, 8).equals(y.substring(4, 6))) {
                return 0.9; // day and month swapped
            }
            int diff = 0;
            int first = -1;
            for (int i = 0; i < 8; i++) {
                if (x.charAt(i) != y.charAt(i)) {
                    diff++;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            if (diff == 1) {
                return 0.85; // one digit typo
            }
            if (diff == 2 && first < 7 && x.charAt(first) == y.charAt(first + 1)
                    && x.charAt(first + 1) == y.charAt(first)) {
                return 0.85; // adjacent digits transposed
            }
            if (x.substring(0, 6).equals(y.substring(0, 6))) {
                return 0.6; // same year and month
            }
            if (x.substring(0, 4).equals(y.substring(0, 4))) {
                return 0.4;
            }
            return 0.0;
        }
    },
    /** Exact after trimming and case folding (state, sex, street number). */
    EXACT(0.5, 1.0) {
        @Override
        Object prepare(String raw) {
            String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            return s.isEmpty() ? null : s;
        }

        @Override
        double compare(Object a, Object b) {
            return a.equals(b) ? 1.0 : 0.0;
        }
    },
    /** Identifiers (passport, national id): letters and digits only, upper case, equal or not. */
    IDENTIFIER(0.5, 1.0) {
        @Override
        Object prepare(String raw) {
            String s = raw == null ? "" : raw.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
            return s.isEmpty() ? null : s;
        }

        @Override
        double compare(Object a, Object b) {
            return a.equals(b) ? 1.0 : 0.0;
        }
    },
    /** Digit strings with typos (postcode, social security number, phone): 1 - edit distance / length. */
    DIGITS(0.5, 1.0) {
        @Override
        Object prepare(String raw) {
            String s = raw == null ? "" : raw.replaceAll("[^0-9]", "");
            return s.isEmpty() ? null : s;
        }

        @Override
        double compare(Object a, Object b) {
            String x = (String) a;
            String y = (String) b;
            if (x.equals(y)) {
                return 1.0;
            }
            int max = Math.max(x.length(), y.length());
            int d = damerau(x, y);
            return Math.max(0.0, 1.0 - (double) d / Math.max(max, 4));
        }
    },
    /** Free text (street, suburb, e-mail): ASCII-folded, lower case, Jaro-Winkler of the token-sorted strings. */
    TEXT(0.75, 0.97) {
        @Override
        Object prepare(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            String s = NORMALIZER.plain(raw);
            return s.isEmpty() ? null : s;
        }

        @Override
        double compare(Object a, Object b) {
            String x = (String) a;
            String y = (String) b;
            return x.equals(y) ? 1.0 : StringSimilarity.jaroWinkler(x, y);
        }
    },
    /** Numbers: 1 when equal, falling linearly to 0 at a difference of 10 % of the larger value (at least 1). */
    NUMERIC(0.5, 1.0) {
        @Override
        Object prepare(String raw) {
            try {
                return raw == null || raw.isBlank() ? null : Double.valueOf(raw.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        double compare(Object a, Object b) {
            double x = (Double) a;
            double y = (Double) b;
            double tolerance = Math.max(1.0, 0.1 * Math.max(Math.abs(x), Math.abs(y)));
            return Math.max(0.0, 1.0 - Math.abs(x - y) / tolerance);
        }
    };

    private static final NameNormalizer NORMALIZER = new NameNormalizer();
    private static final java.util.regex.Pattern EIGHT_DIGITS = java.util.regex.Pattern.compile("\\d{8}");
    private static final java.util.regex.Pattern ISO_LIKE = java.util.regex.Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final java.util.regex.Pattern DAY_FIRST = java.util.regex.Pattern.compile("\\d{1,2}[./]\\d{1,2}[./]\\d{4}");
    private static final java.util.regex.Pattern DAY_FIRST_SEPARATOR = java.util.regex.Pattern.compile("[./]");
    private static final NameScorer SCORER = new NameScorer();

    /** Similarity at or below which the field counts as disagreeing. */
    public final double disagreeAt;
    /** Similarity at or above which the field counts as agreeing. */
    public final double agreeAt;

    FieldComparator(double disagreeAt, double agreeAt) {
        this.disagreeAt = disagreeAt;
        this.agreeAt = agreeAt;
    }

    abstract Object prepare(String raw);

    abstract double compare(Object a, Object b);

    public Object prepareValue(String raw) {
        return prepare(raw);
    }

    public double similarity(Object a, Object b) {
        return compare(a, b);
    }

    public static FieldComparator byName(String name) {
        for (FieldComparator c : values()) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    /** A date as yyyymmdd, or {@code null} when unreadable or missing. */
    static String parseDate(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        int y;
        int m;
        int d;
        try {
            if (EIGHT_DIGITS.matcher(s).matches()) {
                y = Integer.parseInt(s.substring(0, 4));
                m = Integer.parseInt(s.substring(4, 6));
                d = Integer.parseInt(s.substring(6, 8));
            } else if (ISO_LIKE.matcher(s).matches()) {
                String[] p = s.split("-");
                y = Integer.parseInt(p[0]);
                m = Integer.parseInt(p[1]);
                d = Integer.parseInt(p[2]);
            } else if (DAY_FIRST.matcher(s).matches()) {
                String[] p = DAY_FIRST_SEPARATOR.split(s);
                d = Integer.parseInt(p[0]);
                m = Integer.parseInt(p[1]);
                y = Integer.parseInt(p[2]);
            } else {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (y < 1000 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {
            return null;
        }
        // impossible dates (typos such as month 13) are kept as digits so that the typo rules still apply
        char[] digits = new char[8]; // yyyymmdd, zero-padded (String.format was a tenth of screening's time)
        for (int i = 3, v = y; i >= 0; i--, v /= 10) {
            digits[i] = (char) ('0' + v % 10);
        }
        digits[4] = (char) ('0' + m / 10);
        digits[5] = (char) ('0' + m % 10);
        digits[6] = (char) ('0' + d / 10);
        digits[7] = (char) ('0' + d % 10);
        return new String(digits);
    }


    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int damerau(String a, String b) {
        return legion.screening.EditDistance.osa(a, b);
    }
}
