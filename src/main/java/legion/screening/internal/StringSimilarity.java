package legion.screening.internal;

/** Character-level string similarities on already normalised tokens. */
public final class StringSimilarity {

    private StringSimilarity() {
    }

    /** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4 characters). */
    public static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        if (la <= 64 && lb <= 64) {
            return jaroWinklerShort(a, b);
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] ma = new boolean[la];
        boolean[] mb = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            char c = a.charAt(i);
            for (int j = from; j <= to; j++) {
                if (!mb[j] && b.charAt(j) == c) {
                    ma[i] = true;
                    mb[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if (ma[i]) {
                while (!mb[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        return winkler(a, b, matches, transpositions);
    }

    /** The same computation with the matched flags in two longs: no allocation for words up to 64 letters. */
    private static double jaroWinklerShort(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        long ma = 0;
        long mb = 0;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            char c = a.charAt(i);
            for (int j = from; j <= to; j++) {
                if ((mb & (1L << j)) == 0 && b.charAt(j) == c) {
                    ma |= 1L << i;
                    mb |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if ((ma & (1L << i)) != 0) {
                while ((mb & (1L << k)) == 0) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        return winkler(a, b, matches, transpositions);
    }

    private static double winkler(String a, String b, int matches, int transpositions) {
        int la = a.length();
        int lb = b.length();
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, Math.min(la, lb)); i++) {
            if (a.charAt(i) == b.charAt(i)) {
                prefix++;
            } else {
                break;
            }
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    /** Levenshtein distance (insert, delete, substitute cost 1). */
    public static int levenshtein(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            char c = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                int cost = c == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }

    /** 1 - distance / longer length; 1.0 for two empty strings. */
    public static double levenshteinRatio(String a, String b) {
        int max = Math.max(a.length(), b.length());
        return max == 0 ? 1.0 : 1.0 - (double) levenshtein(a, b) / max;
    }
}
