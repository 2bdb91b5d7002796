package legion.parole;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference of a parole case, {@code PRL-XXXX-XXXX}: eight characters of Crockford's base-32 alphabet (no I, L,
 * O, U) from a CSPRNG, as the Legion's references are.
 */
public record ParoleReference(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("PRL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ParoleReference {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a parole reference");
        }
    }

    public static ParoleReference random() {
        StringBuilder sb = new StringBuilder("PRL-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return new ParoleReference(sb.toString());
    }

    /** What a person typed: case-insensitive, blanks around ignored, O read as 0 and I/L as 1. */
    public static Optional<ParoleReference> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.length() != 13 || !s.startsWith("PRL-")) {
            return Optional.empty();
        }
        s = "PRL-" + s.substring(4).replace('O', '0').replace('I', '1').replace('L', '1');
        return FORMAT.matcher(s).matches() ? Optional.of(new ParoleReference(s)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
