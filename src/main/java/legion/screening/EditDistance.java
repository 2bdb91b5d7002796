package legion.screening;

/**
 * Optimal string alignment distance (Levenshtein plus swaps of two adjacent characters, each edited once): the
 * distance record linkage uses for digit strings and the arms register for serial numbers.
 */
public final class EditDistance {

    private EditDistance() {
    }

    /** The number of wrong, missing, extra or swapped characters that turn {@code a} into {@code b}. */
    public static int osa(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int[][] d = new int[la + 1][lb + 1];
        for (int i = 0; i <= la; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= lb; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= la; i++) {
            for (int j = 1; j <= lb; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[la][lb];
    }

    /** True when {@code a} and {@code b} are at most {@code max} edits apart; cheap when their lengths differ more. */
    public static boolean within(String a, String b, int max) {
        return Math.abs(a.length() - b.length()) <= max && osa(a, b) <= max;
    }
}
