package legion.screening.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores two normalised names 0..1. Tokens are aligned greedily by similarity regardless of order; the score
 * combines the length-weighted similarity of the shorter name's tokens with its worst aligned token (so one
 * different given name or surname sinks the pair even when the rest agrees), and lightly penalises tokens of the
 * longer name that found no partner (middle names, patronymics). Initials match the first letter of a token but
 * cannot carry a match on their own. Against a name written in an abjad (Arabic, Hebrew) consonant skeletons are
 * compared too; Han, Kana and Hangul written on both sides are compared character by character.
 */
public final class NameScorer {

    private static final double ALIGN_FLOOR = 0.5;

    /**
     * Token lists of one side: raw, folded, the two consonant skeletons, and Korean romanisation keys when one name is
     * written in Hangul and the other is not ({@code null} otherwise).
     */
    private record Side(List<String> t, List<String> f, List<String> k, List<String> kv, List<String> ko) {

        Side(List<String> t, List<String> f, List<String> k, List<String> kv) {
            this(t, f, k, kv, null);
        }

        static Side of(NormalizedName n, boolean korean) {
            List<String> ko = null;
            if (korean) {
                ko = new ArrayList<>(n.tokens().size());
                for (String t : n.tokens()) {
                    ko.add(NameNormalizer.koreanKey(t));
                }
            }
            return new Side(n.tokens(), n.folded(), n.skeletons(), n.skeletonsV(), ko);
        }

        static Side of(List<String> t, List<String> f) {
            List<String> k = new ArrayList<>(f.size());
            List<String> kv = new ArrayList<>(f.size());
            for (String x : f) {
                k.add(NameNormalizer.skeleton(x, false));
                kv.add(NameNormalizer.skeleton(x, true));
            }
            return new Side(t, f, k, kv);
        }

        int size() {
            return t.size();
        }
    }

    /**
     * Remembers token similarities of one query name against the words of many candidates (names on a list share
     * most words: Mohammed, Ali, Kim). Use one per query name and thread.
     */
    public static final class Memo {
        private final java.util.HashMap<String, double[]> byWord = new java.util.HashMap<>();
        private NormalizedName query;
    }

    public double score(NormalizedName a, NormalizedName b) {
        return score(a, b, null);
    }

    /**
     * Scores with {@code a} as the query whose word similarities are remembered in {@code memo}. A name written in
     * Han is compared in each of its readings (Mandarin, Japanese, Korean) and scores as its best one, unless both
     * names are written in Han: then the characters themselves decide.
     */
    public double score(NormalizedName a, NormalizedName b, Memo memo) {
        if (memo != null && memo.query != a) {
            memo.byWord.clear();
            memo.query = a;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        double best = scoreForm(a, b, memo);
        if (best >= 1.0 || (a.readings().isEmpty() && b.readings().isEmpty()) || bothHan(a, b)) {
            return best;
        }
        for (NormalizedName ra : a.forms()) {
            for (NormalizedName rb : b.forms()) {
                if (ra != a || rb != b) {
                    best = Math.max(best, scoreForm(ra, rb, null));
                }
            }
        }
        return best;
    }

    private static boolean bothHan(NormalizedName a, NormalizedName b) {
        return a.logograms() != null && b.logograms() != null
                && HanReadings.hasHan(a.logograms()) && HanReadings.hasHan(b.logograms());
    }

    private double scoreForm(NormalizedName a, NormalizedName b, Memo memo) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        if (a.logograms() != null && b.logograms() != null) {
            return logogramScore(a.logograms(), b.logograms());
        }
        boolean abjad = a.abjad() != b.abjad();
        boolean korean = a.hangul() != b.hangul();
        Side sa = Side.of(a, korean);
        Side sb = Side.of(b, korean);
        Partners partners = new Partners(new double[sa.size()], new double[sb.size()]);
        double best = tokenScore(sa, sb, abjad, memo, partners);
        // merging or joining words can only help when some word found no good partner
        if (best < 0.999 && partners.worst() < 0.9 && (sa.size() > 1 || sb.size() > 1)) {
            // words joined or split differently (SergeiLavrov, Patr ushev): also compare with merged neighbours
            boolean promising = best >= 0.6 || mayBeJoinedDifferently(a, b, abjad);
            Side ma = promising ? mergeTowards(sa, partners.a(), sb, abjad) : null;
            Side mb = promising ? mergeTowards(sb, partners.b(), sa, abjad) : null;
            if (ma != null) {
                best = Math.max(best, tokenScore(ma, sb, abjad, null, null));
            }
            if (mb != null) {
                best = Math.max(best, tokenScore(sa, mb, abjad, null, null));
            }
            if (ma != null && mb != null) {
                best = Math.max(best, tokenScore(ma, mb, abjad, null, null));
            }
            if (sa.size() != sb.size() && a.joined().length() > 3 && b.joined().length() > 3) {
                Side ja = Side.of(List.of(a.joined()), List.of(a.joinedFolded()));
                Side jb = Side.of(List.of(b.joined()), List.of(b.joinedFolded()));
                best = Math.max(best, tokenSimilarity(ja, 0, jb, 0, abjad) * 0.97);
            }
        }
        return clamp(best);
    }

    /** Cheap gate for the costlier merge pass: the names written without spaces must already look alike. */
    private static boolean mayBeJoinedDifferently(NormalizedName a, NormalizedName b, boolean abjad) {
        if (abjad) {
            return StringSimilarity.jaroWinkler(String.join("", a.skeletons()), String.join("", b.skeletons())) >= 0.75;
        }
        return StringSimilarity.jaroWinkler(a.joinedFolded(), b.joinedFolded()) >= 0.75;
    }

    /** Best partner similarity of every word of each side. */
    private record Partners(double[] a, double[] b) {
        double worst() {
            double w = 1;
            for (double x : a) {
                w = Math.min(w, x);
            }
            for (double x : b) {
                w = Math.min(w, x);
            }
            return w;
        }
    }

    /**
     * Merges adjacent tokens of one side where the merged word matches a token of the other side better than either
     * word did alone ({@code single} holds those best-partner similarities).
     */
    private Side mergeTowards(Side s, double[] single, Side other, boolean abjad) {
        if (s.size() < 2) {
            return null;
        }
        List<String> outT = new ArrayList<>();
        List<String> outF = new ArrayList<>();
        boolean changed = false;
        int i = 0;
        while (i < s.size()) {
            if (i + 1 < s.size()) {
                String mt = s.t().get(i) + s.t().get(i + 1);
                if (!resemblesAny(mt, other)) {
                    outT.add(s.t().get(i));
                    outF.add(s.f().get(i));
                    i++;
                    continue;
                }
                Side merged = Side.of(List.of(mt), List.of(NameNormalizer.fold(mt, false)));
                double m = bestAgainst(merged, 0, other, abjad);
                if (m >= 0.9 && m > Math.max(single[i], single[i + 1]) + 0.05) {
                    outT.add(mt);
                    outF.add(merged.f().get(0));
                    changed = true;
                    i += 2;
                    continue;
                }
            }
            outT.add(s.t().get(i));
            outF.add(s.f().get(i));
            i++;
        }
        return changed ? Side.of(outT, outF) : null;
    }

    private static boolean resemblesAny(String merged, Side other) {
        for (String t : other.t()) {
            if (t.length() > 2 && Math.abs(t.length() - merged.length()) <= 3
                    && StringSimilarity.jaroWinkler(merged, t) >= 0.8) {
                return true;
            }
        }
        return false;
    }

    private double bestAgainst(Side s, int i, Side other, boolean abjad) {
        double best = 0;
        for (int j = 0; j < other.size(); j++) {
            best = Math.max(best, tokenSimilarity(s, i, other, j, abjad));
        }
        return best;
    }

    /** Aligned score of two token lists; fills {@code partners} (if given) with each word's best similarity. */
    private double tokenScore(Side a, Side b, boolean abjad, Memo memo, Partners partners) {
        int na = a.size();
        int nb = b.size();
        double[][] sim = new double[na][nb];
        for (int j = 0; j < nb; j++) {
            double[] known = memo == null ? null : memo.byWord.get(b.t().get(j));
            if (known == null) {
                known = new double[na];
                for (int i = 0; i < na; i++) {
                    known[i] = tokenSimilarity(a, i, b, j, abjad);
                }
                if (memo != null) {
                    memo.byWord.put(b.t().get(j), known);
                }
            }
            for (int i = 0; i < na; i++) {
                sim[i][j] = known[i];
            }
        }
        if (partners != null) {
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    partners.a()[i] = Math.max(partners.a()[i], sim[i][j]);
                    partners.b()[j] = Math.max(partners.b()[j], sim[i][j]);
                }
            }
        }
        // greedy alignment, best pairs first
        boolean[] usedA = new boolean[na];
        boolean[] usedB = new boolean[nb];
        double[] simA = new double[na];
        double[] simB = new double[nb];
        int pairs = Math.min(na, nb);
        for (int p = 0; p < pairs; p++) {
            double top = -1;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < na; i++) {
                if (usedA[i]) {
                    continue;
                }
                for (int j = 0; j < nb; j++) {
                    if (!usedB[j] && sim[i][j] > top) {
                        top = sim[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (top < ALIGN_FLOOR && p > 0) {
                break;
            }
            usedA[bi] = true;
            usedB[bj] = true;
            simA[bi] = top;
            simB[bj] = top;
        }
        // the side with fewer tokens must be covered; the other may have extra tokens (both sides when equal)
        double score;
        boolean fullToken;
        if (na == nb) {
            double[] ca = coverage(a.t(), simA);
            double[] cb = coverage(b.t(), simB);
            score = (0.55 * ca[0] + 0.45 * ca[1] + 0.55 * cb[0] + 0.45 * cb[1]) / 2;
            fullToken = ca[2] > 0 || cb[2] > 0;
        } else {
            double[] c = na < nb ? coverage(a.t(), simA) : coverage(b.t(), simB);
            score = 0.55 * c[0] + 0.45 * c[1];
            fullToken = c[2] > 0;
        }
        List<String> shortTokens = na <= nb ? a.t() : b.t();
        int extra = Math.abs(na - nb);
        if (extra > 0) {
            score *= 1.0 - Math.min(0.12, 0.04 * extra);
            if (shortTokens.size() == 1) {
                score *= 0.93; // one word against a full name is weak evidence
            }
        }
        if (!fullToken) {
            score = Math.min(score, 0.5);
        }
        return score;
    }

    /** Length-weighted mean similarity, minimum similarity, and 1 if a whole word (not an initial) agrees. */
    private static double[] coverage(List<String> tokens, double[] sims) {
        double weighted = 0;
        double weights = 0;
        double min = 1;
        boolean fullToken = false;
        for (int k = 0; k < tokens.size(); k++) {
            String tok = tokens.get(k);
            double w = tok.length() == 1 ? 1.5 : Math.min(tok.length(), 8);
            weighted += w * sims[k];
            weights += w;
            min = Math.min(min, sims[k]);
            if (tok.length() > 1 && sims[k] >= 0.8) {
                fullToken = true;
            }
        }
        return new double[] {weighted / weights, min, fullToken ? 1 : 0};
    }

    private double tokenSimilarity(Side sa, int i, Side sb, int j, boolean abjad) {
        if (sa.t().get(i).compareTo(sb.t().get(j)) > 0) {
            return tokenSimilarity(sb, j, sa, i, abjad); // Jaro-Winkler's matching window is order-sensitive
        }
        String a = sa.t().get(i);
        String b = sb.t().get(j);
        if (a.equals(b)) {
            return 1.0;
        }
        double korean = 0;
        if (sa.ko() != null && sb.ko() != null) {
            // Revised Romanization against what passports and lists write: 이/i is Lee, 박/bak is Park, 정/jeong is Jung
            String ka = sa.ko().get(i);
            String kb = sb.ko().get(j);
            korean = ka.equals(kb) ? 0.96 : StringSimilarity.jaroWinkler(ka, kb) * 0.95;
            if (a.length() == 1 || b.length() == 1) {
                return korean >= 0.9 ? korean : a.charAt(0) == b.charAt(0) ? 0.97 : 0.0; // 이 is a syllable
            }
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? 0.97 : 0.0;
        }
        String fa = sa.f().get(i);
        String fb = sb.f().get(j);
        double lengthRatio = (double) Math.min(a.length(), b.length()) / Math.max(a.length(), b.length());
        // Jaro-Winkler over-rates a short word that is the prefix of a long one (Lind, Lindemann)
        double s = StringSimilarity.jaroWinkler(a, b) * (0.85 + 0.15 * lengthRatio);
        // a word written backwards (nituP) is a data-entry accident, not another name
        if (s < 0.9 && a.charAt(a.length() - 1) == b.charAt(0)) {
            s = Math.max(s, 0.9 * StringSimilarity.jaroWinkler(new StringBuilder(a).reverse().toString(), b));
        }
        if (s < 0.9 && b.charAt(b.length() - 1) == a.charAt(0)) {
            s = Math.max(s, 0.9 * StringSimilarity.jaroWinkler(new StringBuilder(b).reverse().toString(), a));
        }
        if (!fa.equals(a) || !fb.equals(b)) {
            double foldedRatio = (double) Math.min(fa.length(), fb.length()) / Math.max(fa.length(), fb.length());
            double f = fa.equals(fb) ? 0.96
                    : StringSimilarity.jaroWinkler(fa, fb) * 0.97 * (0.85 + 0.15 * foldedRatio);
            s = Math.max(s, f);
        }
        if (abjad) {
            double k = Math.max(StringSimilarity.jaroWinkler(sa.k().get(i), sb.k().get(j)),
                    StringSimilarity.jaroWinkler(sa.kv().get(i), sb.kv().get(j)));
            s = Math.max(s, k * 0.95);
        }
        return Math.max(s, korean);
    }

    /** Han, Kana and Hangul characters are whole syllables or words: one different character is another name. */
    private static double logogramScore(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        double r = StringSimilarity.levenshteinRatio(a, b);
        return r * r * 0.9;
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
