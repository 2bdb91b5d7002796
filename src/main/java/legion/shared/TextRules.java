package legion.shared;

import java.util.Optional;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;

/**
 * The one rule for free text people type into Legion (names, branch, reasons, notes, answers): any script, stored
 * exactly as given, but never
 * <ul>
 *   <li>without a visible character: only white space, zero-width or other format characters (ZWSP, ZWJ, BOM …),
 *       default-ignorable fillers such as U+3164 or the blank braille pattern U+2800;</li>
 *   <li>with a bidirectional control (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+200E/U+200F
 *       marks, U+061C), which can make text read differently from what is stored ("Trojan Source");</li>
 *   <li>with a control character (Unicode category Cc), except line breaks and tabs where the text may have several
 *       lines; nor line/paragraph separators U+2028/U+2029 in one-line text;</li>
 *   <li>with an unpaired surrogate or a non-character (U+FDD0–U+FDEF, U+xxFFFE/F), which some databases cannot store.</li>
 * </ul>
 * ZWNJ and ZWJ (U+200C/U+200D) are legitimate inside Persian, Arabic and Indic names and are accepted there; only a
 * text made of nothing visible is refused. Results are message codes ({@code error.<code>} in the bundles).
 */
public final class TextRules {

    /** A bidirectional control character was found. */
    public static final String BIDI = "bidi";
    /** A control character, unpaired surrogate or non-character was found. */
    public static final String CHARACTERS = "characters";
    /** Nothing visible. */
    public static final String INVISIBLE = "invisible";

    private TextRules() {
    }

    /** Whether the text may span lines (reasons, notes, answers) or is one line (names, branch, codes). */
    public enum Lines { ONE, MANY }

    /**
     * Why a text is refused (one of {@link #BIDI}, {@link #CHARACTERS}, {@link #INVISIBLE}), or empty when it is
     * acceptable. An empty string counts as invisible; callers decide before whether a value is required at all.
     */
    public static Optional<String> problem(String text, Lines lines) {
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c)) {
                return Optional.of(CHARACTERS);
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isBidiControl(cp)) {
                return Optional.of(BIDI);
            }
            if (isForbiddenControl(cp, lines) || isNonCharacter(cp)) {
                return Optional.of(CHARACTERS);
            }
            visible |= isVisible(cp);
        }
        return visible ? Optional.empty() : Optional.of(INVISIBLE);
    }

    /** Whether a one-line text is acceptable. */
    public static boolean acceptable(String text) {
        return problem(text, Lines.ONE).isEmpty();
    }

    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    private static boolean isForbiddenControl(int cp, Lines lines) {
        if (cp == 0x2028 || cp == 0x2029) {
            return lines == Lines.ONE;
        }
        if (Character.getType(cp) != Character.CONTROL) {
            return false;
        }
        return !(lines == Lines.MANY && (cp == '\n' || cp == '\r' || cp == '\t'));
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /**
     * A character that shows something by itself: a letter, digit, punctuation or symbol that is not default-ignorable
     * (Hangul fillers are letters that show nothing) and not the blank braille pattern. Marks count only on a base.
     */
    private static boolean isVisible(int cp) {
        if (cp == 0x2800 || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.isUWhiteSpace(cp)) {
            return false;
        }
        int type = UCharacter.getType(cp);
        return switch (type) {
            case UCharacterCategory.UPPERCASE_LETTER, UCharacterCategory.LOWERCASE_LETTER,
                 UCharacterCategory.TITLECASE_LETTER, UCharacterCategory.MODIFIER_LETTER,
                 UCharacterCategory.OTHER_LETTER, UCharacterCategory.DECIMAL_DIGIT_NUMBER,
                 UCharacterCategory.LETTER_NUMBER, UCharacterCategory.OTHER_NUMBER,
                 UCharacterCategory.CONNECTOR_PUNCTUATION, UCharacterCategory.DASH_PUNCTUATION,
                 UCharacterCategory.START_PUNCTUATION, UCharacterCategory.END_PUNCTUATION,
                 UCharacterCategory.INITIAL_PUNCTUATION, UCharacterCategory.FINAL_PUNCTUATION,
                 UCharacterCategory.OTHER_PUNCTUATION, UCharacterCategory.MATH_SYMBOL,
                 UCharacterCategory.CURRENCY_SYMBOL, UCharacterCategory.MODIFIER_SYMBOL,
                 UCharacterCategory.OTHER_SYMBOL, UCharacterCategory.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
