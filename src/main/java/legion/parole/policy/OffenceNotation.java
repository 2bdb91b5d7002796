package legion.parole.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads offences in both notations of PRODUCT.md: {@code ARTICLE[:PART[.ITEM]]} ({@code 115:2.1}, {@code 286-1:4},
 * {@code 114-1}) and the Ukrainian citation form {@code ст. ARTICLE [ч. PART [п. ITEM]]} ({@code ст. 115 ч. 2 п. 1},
 * {@code ст. 114-1}). Blanks are allowed between the parts; the abbreviations may be in either case, with or
 * without their dots; numbers are written without leading zeros. A list separates offences with {@code ;}; empty
 * entries (a trailing {@code ;}) are ignored.
 */
public final class OffenceNotation {

    private static final int MAX_DIGITS = 4;

    private OffenceNotation() {
    }

    /** One offence, or empty when the text is not an offence in either notation. */
    public static Optional<Offence> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(new Cursor(text).offence());
    }

    /**
     * A {@code ;}-separated list: the offences in their order without repeats, or the entries that could not be
     * read (as written, stripped). Exactly one of the two is non-empty, unless the text holds no entry at all.
     */
    public static Reading readList(String text) {
        Set<Offence> offences = new LinkedHashSet<>();
        List<String> unreadable = new ArrayList<>();
        if (text != null) {
            int start = 0;
            while (start <= text.length()) {
                int end = text.indexOf(';', start);
                if (end < 0) {
                    end = text.length();
                }
                String entry = text.substring(start, end);
                if (!entry.isBlank()) {
                    Offence offence = new Cursor(entry).offence();
                    if (offence == null) {
                        unreadable.add(entry.strip());
                    } else {
                        offences.add(offence);
                    }
                }
                start = end + 1;
            }
        }
        return unreadable.isEmpty() ? new Reading(List.copyOf(offences), List.of())
                : new Reading(List.of(), List.copyOf(unreadable));
    }

    /** The result of reading a list of offences. */
    public record Reading(List<Offence> offences, List<String> unreadable) {

        public boolean isReadable() {
            return unreadable.isEmpty() && !offences.isEmpty();
        }
    }

    /** A hand-written scanner over one entry: no regular expressions, 100,000 rows a second are nothing for it. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        Offence offence() {
            blanks();
            boolean citation = word('с', 'т');
            int article = number();
            if (article <= 0) {
                return null;
            }
            int insertion = 0;
            blanks();
            if (take('-')) {
                blanks();
                insertion = number();
                if (insertion <= 0) {
                    return null;
                }
            }
            int part = 0;
            int item = 0;
            blanks();
            if (citation ? word('ч') : take(':')) {
                blanks();
                part = number();
                if (part <= 0) {
                    return null;
                }
                blanks();
                if (citation ? word('п') : take('.')) {
                    blanks();
                    item = number();
                    if (item <= 0) {
                        return null;
                    }
                }
            }
            blanks();
            return i == s.length() ? new Offence(article, insertion, part, item) : null;
        }

        /** An abbreviation of the citation form: its letters in either case, then an optional dot or comma. */
        private boolean word(char... letters) {
            if (i + letters.length > s.length()) {
                return false;
            }
            for (int k = 0; k < letters.length; k++) {
                if (Character.toLowerCase(s.charAt(i + k)) != letters[k]) {
                    return false;
                }
            }
            i += letters.length;
            take('.');
            blanks();
            return true;
        }

        private boolean take(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void blanks() {
            while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))
                    || s.charAt(i) == ',')) {
                i++;
            }
        }

        /** A number of 1 to 4 digits without a leading zero; -1 when there is none. */
        private int number() {
            int start = i;
            int value = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < MAX_DIGITS + 1) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > MAX_DIGITS || s.charAt(start) == '0') {
                return -1;
            }
            return value;
        }
    }
}
