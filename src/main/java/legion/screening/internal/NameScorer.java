package legion.screening.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores two normalised names 0..1. Tokens are aligned greedily by similarity regardless of order; the score
 * combines the length-weighted similarity of the shorter name's tokens with its worst aligned token (so one
 * different given name or surname sinks the pair even when the rest agrees), and lightly penalises tokens of the
 * longer name that found no partner (middle names, patronymics). Initials match the first letter of a token but
 * cannot carry a match on their own.
 */
public final class NameScorer {

    private static final double ALIGN_FLOOR = 0.5;

    public double score(NormalizedName a, NormalizedName b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        if (a.logograms() != null && b.logograms() != null) {
            return logogramScore(a.logograms(), b.logograms());
        }
        boolean abjad = a.abjad() != b.abjad();
        boolean hangul = a.hangul() || b.hangul();
        List<String> ta = a.tokens();
        List<String> tb = b.tokens();
        List<String> fa = hangul && !a.hangul() ? refold(ta) : a.folded();
        List<String> fb = hangul && !b.hangul() ? refold(tb) : b.folded();
        double best = tokenScore(ta, fa, tb, fb, abjad);
        if (best < 0.999 && (ta.size() > 1 || tb.size() > 1)) {
            // words joined or split differently (SergeiLavrov, Patr ushev): also compare with merged neighbours
            Merged ma = mergeTowards(ta, fa, tb, fb, abjad);
            Merged mb = mergeTowards(tb, fb, ta, fa, abjad);
            if (ma != null) {
                best = Math.max(best, tokenScore(ma.tokens, ma.folded, tb, fb, abjad));
            }
            if (mb != null) {
                best = Math.max(best, tokenScore(ta, fa, mb.tokens, mb.folded, abjad));
            }
            if (ma != null && mb != null) {
                best = Math.max(best, tokenScore(ma.tokens, ma.folded, mb.tokens, mb.folded, abjad));
            }
            if (ta.size() != tb.size() && a.joined().length() > 3 && b.joined().length() > 3) {
                double joined = tokenSimilarity(String.join("", ta), String.join("", fa),
                        String.join("", tb), String.join("", fb), abjad);
                best = Math.max(best, joined * 0.97);
            }
        }
        return clamp(best);
    }

    private static List<String> refold(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            out.add(NameNormalizer.fold(t, false));
        }
        return out;
    }

    private record Merged(List<String> tokens, List<String> folded) {
    }

    /** Merges adjacent tokens of one side where the merged word matches a token of the other side better. */
    private Merged mergeTowards(List<String> t, List<String> f, List<String> other, List<String> otherFolded,
                                boolean abjad) {
        if (t.size() < 2) {
            return null;
        }
        List<String> outT = new ArrayList<>();
        List<String> outF = new ArrayList<>();
        boolean changed = false;
        int i = 0;
        while (i < t.size()) {
            if (i + 1 < t.size()) {
                String mt = t.get(i) + t.get(i + 1);
                String mf = NameNormalizer.fold(mt, false);
                double merged = bestAgainst(mt, mf, other, otherFolded, abjad);
                double single = Math.max(bestAgainst(t.get(i), f.get(i), other, otherFolded, abjad),
                        bestAgainst(t.get(i + 1), f.get(i + 1), other, otherFolded, abjad));
                if (merged >= 0.9 && merged > single + 0.05) {
                    outT.add(mt);
                    outF.add(mf);
                    changed = true;
                    i += 2;
                    continue;
                }
            }
            outT.add(t.get(i));
            outF.add(f.get(i));
            i++;
        }
        return changed ? new Merged(outT, outF) : null;
    }

    private double bestAgainst(String t, String f, List<String> other, List<String> otherFolded, boolean abjad) {
        double best = 0;
        for (int j = 0; j < other.size(); j++) {
            best = Math.max(best, tokenSimilarity(t, f, other.get(j), otherFolded.get(j), abjad));
        }
        return best;
    }

    double tokenScore(List<String> ta, List<String> fa, List<String> tb, List<String> fb, boolean abjad) {
        int na = ta.size();
        int nb = tb.size();
        double[][] sim = new double[na][nb];
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                sim[i][j] = tokenSimilarity(ta.get(i), fa.get(i), tb.get(j), fb.get(j), abjad);
            }
        }
        // greedy alignment, best pairs first
        double[] bestA = new double[na];
        boolean[] usedA = new boolean[na];
        boolean[] usedB = new boolean[nb];
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
            bestA[bi] = top;
        }
        double[] bestB = new double[nb];
        for (int j = 0; j < nb; j++) {
            bestB[j] = -1;
        }
        // the side with fewer tokens must be covered; the other may have extra tokens
        boolean aShort = na <= nb;
        List<String> shortTokens = aShort ? ta : tb;
        double[] shortSims = new double[shortTokens.size()];
        if (aShort) {
            System.arraycopy(bestA, 0, shortSims, 0, na);
        } else {
            for (int j = 0; j < nb; j++) {
                double s = 0;
                for (int i = 0; i < na; i++) {
                    if (usedA[i] && usedB[j] && sim[i][j] == bestA[i]) {
                        s = Math.max(s, sim[i][j]);
                    }
                }
                shortSims[j] = usedB[j] ? s : 0;
            }
        }
        double weighted = 0;
        double weights = 0;
        double min = 1;
        boolean fullToken = false;
        for (int k = 0; k < shortTokens.size(); k++) {
            String tok = shortTokens.get(k);
            double w = tok.length() == 1 ? 1.5 : Math.min(tok.length(), 8);
            weighted += w * shortSims[k];
            weights += w;
            min = Math.min(min, shortSims[k]);
            if (tok.length() > 1 && shortSims[k] >= 0.8) {
                fullToken = true;
            }
        }
        double coverage = weighted / weights;
        double score = 0.55 * coverage + 0.45 * min;
        int extra = Math.abs(na - nb);
        int longSize = Math.max(na, nb);
        if (extra > 0) {
            score *= 1.0 - Math.min(0.12, 0.04 * extra);
            if (shortTokens.size() == 1) {
                score *= 0.93; // one word against a full name is weak evidence
            }
        }
        if (!fullToken) {
            score = Math.min(score, 0.5);
        }
        if (longSize == 0) {
            return 0;
        }
        return score;
    }

    double tokenSimilarity(String a, String fa, String b, String fb, boolean abjad) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? 0.97 : 0.0;
        }
        double lengthRatio = (double) Math.min(a.length(), b.length()) / Math.max(a.length(), b.length());
        // Jaro-Winkler over-rates a short word that is the prefix of a long one (Lind, Lindemann)
        double s = StringSimilarity.jaroWinkler(a, b) * (0.85 + 0.15 * lengthRatio);
        // a word written backwards (nituP) is a data-entry accident, not another name
        s = Math.max(s, 0.9 * StringSimilarity.jaroWinkler(new StringBuilder(a).reverse().toString(), b));
        if (!fa.equals(a) || !fb.equals(b)) {
            double f = fa.equals(fb) ? 0.96 : StringSimilarity.jaroWinkler(fa, fb) * 0.97;
            s = Math.max(s, f);
        }
        if (abjad) {
            double k = Math.max(
                    StringSimilarity.jaroWinkler(NameNormalizer.skeleton(fa, false), NameNormalizer.skeleton(fb, false)),
                    StringSimilarity.jaroWinkler(NameNormalizer.skeleton(fa, true), NameNormalizer.skeleton(fb, true)));
            s = Math.max(s, k * 0.95);
        }
        return s;
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
