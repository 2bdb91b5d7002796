package legion.screening.internal;

import java.util.List;

/**
 * A name reduced to comparable ASCII tokens.
 *
 * @param tokens    lower-case ASCII tokens, honorifics, particles and repeats removed, in the original order
 * @param folded    the tokens after phonetic folding of common transliteration differences (same order)
 * @param abjad     true when the name was written in a script without vowels (Arabic, Hebrew, Syriac)
 * @param hangul    true when the name was written in Hangul
 * @param logograms the name's CJK characters when it is written only in Han, Kana or Hangul, otherwise {@code null}
 */
public record NormalizedName(List<String> tokens, List<String> folded, boolean abjad, boolean hangul,
                             String logograms) {

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** All tokens joined without separators. */
    public String joined() {
        return String.join("", tokens);
    }
}
