package legion.arms;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How the register compares makes and serial numbers (PRODUCT.md, Program 2): upper case; spaces, hyphens, dots and
 * slashes removed; the Cyrillic capitals that look like Latin ones (А В Е К М Н О Р С Т Х І) read as those Latin
 * letters. Nothing else is folded: {@code 0} and {@code O} stay different, and so do Cyrillic letters without a Latin
 * twin (П, Д, Л …). {@code АК-74 / ВД 7914} and {@code AK74 / BД7914} are one weapon.
 */
public final class Serials {

    private static final String CYRILLIC = "АВЕКМНОРСТХІ";
    private static final String LATIN = "ABEKMHOPCTXI";

    private Serials() {
    }

    /** The comparable form of a make or a serial; {@code ""} for {@code null} or blank. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String upper = Normalizer.normalize(raw, Normalizer.Form.NFC).toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (removed(c)) {
                continue;
            }
            int twin = CYRILLIC.indexOf(c);
            sb.append(twin >= 0 ? LATIN.charAt(twin) : c);
        }
        return sb.toString();
    }

    /** Spaces (any white space, also no-break), hyphens and dashes, dots and slashes. */
    private static boolean removed(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '.' || c == '/'
                || Character.getType(c) == Character.DASH_PUNCTUATION || c == '\u2212';
    }
}
