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
 * @param readings  for a name written in Han characters, its Japanese and Korean readings normalised (the tokens
 *                  above read it in Mandarin); empty otherwise
 */
public record NormalizedName(List<String> tokens, List<String> folded, boolean abjad, boolean hangul,
                             String logograms, List<String> skeletons, List<String> skeletonsV,
                             String joinedFolded, List<NormalizedName> readings) {

    public static NormalizedName of(List<String> tokens, List<String> folded, boolean abjad, boolean hangul,
                                    String logograms) {
        List<String> sk = new ArrayList<>(folded.size());
        List<String> skv = new ArrayList<>(folded.size());
        for (String f : folded) {
            sk.add(NameNormalizer.skeleton(f, false));
            skv.add(NameNormalizer.skeleton(f, true));
        }
        return new NormalizedName(List.copyOf(tokens), List.copyOf(folded), abjad, hangul, logograms,
                List.copyOf(sk), List.copyOf(skv), String.join("", folded), List.of());
    }

    /** This name with other readings of its characters. */
    public NormalizedName withReadings(List<NormalizedName> others) {
        return new NormalizedName(tokens, folded, abjad, hangul, logograms, skeletons, skeletonsV, joinedFolded,
                List.copyOf(others));
    }

    /** This name followed by its other readings. */
    public List<NormalizedName> forms() {
        if (readings.isEmpty()) {
            return List.of(this);
        }
        List<NormalizedName> all = new ArrayList<>(1 + readings.size());
        all.add(this);
        all.addAll(readings);
        return all;
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** All tokens joined without separators. */
    public String joined() {
        return String.join("", tokens);
    }
}
