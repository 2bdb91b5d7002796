package legion.shared;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** ISO 3166-1 alpha-2 country codes as the JDK knows them, plus XK (Kosovo, user-assigned but in ICAO use). */
public final class CountryCodes {

    private static final Set<String> CODES;

    static {
        Set<String> codes = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        CODES = Set.copyOf(codes);
    }

    private CountryCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && code.length() == 2 && CODES.contains(code);
    }

    public static Set<String> all() {
        return new TreeSet<>(CODES);
    }

    /** English display name of a country code, the code itself when unknown. */
    public static String name(String code, Locale locale) {
        if (!isValid(code)) {
            return code;
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isEmpty() ? code : name;
    }
}
