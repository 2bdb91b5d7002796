package legion.screening.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps country names as sanctions lists and CSV files write them ("Korea, North", "Iran (Islamic Republic of)") to ISO alpha-2. */
public final class Countries {

    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String iso : Locale.getISOCountries()) {
            Locale l = new Locale.Builder().setRegion(iso).build();
            BY_NAME.put(key(l.getDisplayCountry(Locale.ENGLISH)), iso);
            BY_NAME.put(key(iso), iso);
            try {
                BY_NAME.put(key(l.getISO3Country()), iso);
            } catch (java.util.MissingResourceException ignored) {
                // no alpha-3 code for this region
            }
        }
        String[][] aliases = {
                {"north korea", "KP"}, {"korea north", "KP"}, {"democratic peoples republic of korea", "KP"},
                {"korea democratic peoples republic of", "KP"}, {"south korea", "KR"}, {"korea south", "KR"},
                {"republic of korea", "KR"}, {"korea republic of", "KR"}, {"russian federation", "RU"},
                {"russia", "RU"}, {"iran islamic republic of", "IR"}, {"iran", "IR"}, {"syrian arab republic", "SY"},
                {"syria", "SY"}, {"united states of america", "US"}, {"usa", "US"}, {"viet nam", "VN"},
                {"united kingdom of great britain and northern ireland", "GB"}, {"great britain", "GB"},
                {"uk", "GB"}, {"bolivia plurinational state of", "BO"}, {"venezuela bolivarian republic of", "VE"},
                {"lao peoples democratic republic", "LA"}, {"laos", "LA"}, {"united republic of tanzania", "TZ"},
                {"tanzania", "TZ"}, {"democratic republic of the congo", "CD"},
                {"congo democratic republic of the", "CD"}, {"drc", "CD"}, {"republic of the congo", "CG"},
                {"congo republic of the", "CG"}, {"republic of moldova", "MD"}, {"moldova", "MD"},
                {"turkiye", "TR"}, {"turkey", "TR"}, {"palestine", "PS"}, {"state of palestine", "PS"},
                {"palestinian", "PS"}, {"occupied palestinian territory", "PS"}, {"burma", "MM"},
                {"cote divoire", "CI"}, {"ivory coast", "CI"}, {"czech republic", "CZ"}, {"macedonia", "MK"},
                {"the former yugoslav republic of macedonia", "MK"}, {"swaziland", "SZ"}, {"cape verde", "CV"},
                {"brunei darussalam", "BN"}, {"micronesia federated states of", "FM"}, {"kosovo", "XK"},
                {"taiwan province of china", "TW"}, {"holy see", "VA"}, {"vatican", "VA"}, {"gambia the", "GM"},
                {"bahamas the", "BS"}, {"sudan south", "SS"}, {"cabo verde", "CV"},
                {"macedonia the former yugoslav republic of", "MK"}, {"north macedonia", "MK"}};
        for (String[] a : aliases) {
            BY_NAME.put(key(a[0]), a[1]);
        }
    }

    private Countries() {
    }

    /** The ISO 3166-1 alpha-2 code of a country name, alpha-2 or alpha-3 code, if recognised. */
    public static Optional<String> toIso2(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(key(nameOrCode)));
    }

    private static String key(String s) {
        String k = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("'", "")
                .replace("&", " and ")
                .replaceAll("[^a-z0-9]+", " ")
                .replaceAll("\\band\\b", " ")
                .replaceAll(" +", " ")
                .strip();
        if (k.startsWith("the ")) {
            k = k.substring(4);
        }
        if (k.startsWith("possibly ")) {
            k = k.substring("possibly ".length());
        }
        return k;
    }
}
