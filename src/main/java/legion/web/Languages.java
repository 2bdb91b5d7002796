package legion.web;

import java.util.List;
import java.util.Locale;

/** The languages pages and mail are written in: the bundles that are complete. English is the fallback. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"),
            Locale.forLanguageTag("pl"));

    private Languages() {
    }

    /** The supported language of a locale (by language, whatever the region), else English. */
    public static Locale closest(Locale wanted) {
        if (wanted != null) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
