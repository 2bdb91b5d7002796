package legion.screening.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A name reduced to comparable ASCII tokens.
 *
 * @param tokens    lower-case ASCII tokens, honorifics, particles and repeats removed, in the original order
 * @param folded    the tokens after phonetic folding of common transliteration differences (same order)
 * @param abjad     true when the name was written in a script without vowels (Arabic, Hebrew, Syriac)
 * @param hangul    true when the name was written in Hangul
 * @param logograms the name's CJK characters when it is written only in Han, Kana or Hangul, otherwise {@code null}
 * @param skeletons consonant skeletons of the folded tokens (v dropped, as abjads write it as a vowel)
 * @param skeletonsV consonant skeletons of the folded tokens keeping v
 * @param joinedFolded the folded tokens written together
 */
public record NormalizedName(List<String> tokens, List<String> folded, boolean abjad, boolean hangul,
                             String logograms, List<String> skeletons, List<String> skeletonsV,
                             String joinedFolded) {

    public static NormalizedName of(List<String> tokens, List<String> folded, boolean abjad, boolean hangul,
                                    String logograms) {
        List<String> sk = new ArrayList<>(folded.size());
        List<String> skv = new ArrayList<>(folded.size());
        for (String f : folded) {
            sk.add(NameNormalizer.skeleton(f, false));
            skv.add(NameNormalizer.skeleton(f, true));
        }
        return new NormalizedName(List.copyOf(tokens), List.copyOf(folded), abjad, hangul, logograms,
                List.copyOf(sk), List.copyOf(skv), String.join("", folded));
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** All tokens joined without separators. */
    public String joined() {
        return String.join("", tokens);
    }
}
