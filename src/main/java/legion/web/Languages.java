package legion.web;

import java.util.List;
import java.util.Locale;

/**
 * The languages pages and mail are written in: the bundles that are complete. English is the fallback. German,
 * French and Spanish are complete for what volunteers see (portal, mails, travel authorization letter); the officers'
 * console falls back to English in them (see MessageBundlesTest for which keys are the console's).
 */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"),
            Locale.forLanguageTag("pl"), Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"));

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
