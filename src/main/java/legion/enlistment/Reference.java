package legion.enlistment;

import java.util.Locale;
import java.util.regex.Pattern;

import legion.privacy.Randomness;

/**
 * The human-friendly reference of an enlistment, {@code LGN-XXXX-XXXX}: eight characters from Crockford's
 * base-32 alphabet (no I, L, O, U), drawn from a CSPRNG. 40 random bits: not guessable, not enumerable,
 * and never the only proof of identity (status look-ups also need passport number and date of birth).
 */
public record Reference(String value) implements java.io.Serializable {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("LGN-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    public Reference {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a reference");
        }
    }

    public static Reference random() {
        StringBuilder sb = new StringBuilder("LGN-");
        long bits = Randomness.current().nextLong(); // 8 characters of 5 bits each from one draw
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt((int) (bits >>> (5 * i)) & 31));
        }
        return new Reference(sb.toString());
    }

    /** Parses what a person typed: case-insensitive, surrounding blanks ignored, O read as 0 and I/L as 1. */
    public static java.util.Optional<Reference> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.length() != 13 || !s.startsWith("LGN-")) {
            return java.util.Optional.empty();
        }
        s = "LGN-" + s.substring(4).replace('O', '0').replace('I', '1').replace('L', '1');
        return FORMAT.matcher(s).matches() ? java.util.Optional.of(new Reference(s)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
