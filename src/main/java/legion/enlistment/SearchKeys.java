package legion.enlistment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How officers find a case: by its reference, its passport number or the volunteer's name, each an exact match
 * after normalisation. Names and passport numbers are encrypted at rest, so they are looked up through blind indexes
 * (keyed hashes of the normalised value, {@code privacy.FieldCipher#blindIndex}); this is the one normalisation the
 * indexes are built and queried with.
 */
public final class SearchKeys {

    // compiled once: String.replaceAll compiles its pattern on every call (on every application's intake)
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}'’ʼ`.,]+");

    private SearchKeys() {
    }

    /** A passport number as stored and indexed: no white space, upper case ("x 123 4567" is "X1234567"). */
    public static String passportNumber(String typed) {
        return typed == null ? "" : SPACES.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /**
     * A name as indexed: compatibility forms folded (NFKC), accents and other combining marks dropped, lower case,
     * hyphens, apostrophes, dots, commas and runs of spaces read as one space. "Shevchenko-O’Neil" and
     * "shevchenko o'neil" are the same key; "Šťastná" is "stastna"; Cyrillic stays Cyrillic ("Олександр" is
     * "олександр"), with its marks dropped like any other script's ("й" is "и"): the same on both sides of the look-up.
     */
    public static String name(String typed) {
        if (typed == null) {
            return "";
        }
        String s = MARKS.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKD)).replaceAll("");
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(s).replaceAll(" ").strip();
    }

    /** The full name as indexed: given names then surname, normalised as {@link #name}. */
    public static String fullName(String givenNames, String surname) {
        return name(givenNames + " " + surname);
    }

    /**
     * What an officer typed in the search box, read every way it can be meant: a reference (when it is one), a
     * passport number, a surname, a full name ("given surname", or "surname, given" with a comma).
     */
    public record Search(Reference reference, String passportNumber, String surname, String fullName) {

        public static Optional<Search> of(String typed) {
            if (typed == null || typed.isBlank()) {
                return Optional.empty();
            }
            String t = typed.strip();
            Reference reference = Reference.parse(t.toUpperCase(Locale.ROOT)).orElse(null);
            String passport = SearchKeys.passportNumber(t);
            int comma = t.indexOf(',');
            String full = comma > 0 ? SearchKeys.fullName(t.substring(comma + 1), t.substring(0, comma)) : name(t);
            String surname = comma > 0 ? null : name(t);
            return Optional.of(new Search(reference, passport.length() <= 9 ? passport : null,
                    surname == null || surname.isEmpty() ? null : surname, full.isEmpty() ? null : full));
        }
    }
}
