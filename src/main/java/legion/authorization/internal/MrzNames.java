package legion.authorization.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.Transliterator;

/**
 * Names in any script to the MRZ character set, following ICAO Doc 9303 part 3, section 6: the ICAO tables for
 * multinational Latin letters (Ä→AE, Ö→OE, Ü→UE, ß→SS, Å→AA, Æ→AE, Ø→OE, Þ→TH ...), for Cyrillic (with the
 * Ukrainian Г→H and И→Y for Ukrainian names) and for Greek (with the digraph ΟΥ→OU); every other script through ICU's
 * {@code Any-Latin; Latin-ASCII}. Then upper case, apostrophes and full stops dropped, spaces, hyphens and commas
 * become the filler {@code <}. Chinese characters become Hanyu Pinyin syllables joined within a name part;
 * Japanese kanji get Mandarin readings (ICU knows no Japanese readings), so Japanese holders need the Latin
 * spelling of their passport. Turkish and Azerbaijani names write Ü and Ö as U and O.
 */
public final class MrzNames {

    private static final Map<Character, String> LATIN = Map.ofEntries(
            Map.entry('Ä', "AE"), Map.entry('Ö', "OE"), Map.entry('Ü', "UE"), Map.entry('ß', "SS"),
            Map.entry('ẞ', "SS"), Map.entry('Å', "AA"), Map.entry('Æ', "AE"), Map.entry('Ø', "OE"),
            Map.entry('Œ', "OE"), Map.entry('Þ', "TH"), Map.entry('Ĳ', "IJ"), Map.entry('Ð', "D"),
            Map.entry('Đ', "D"), Map.entry('Ł', "L"), Map.entry('Ŋ', "N"), Map.entry('Ħ', "H"),
            Map.entry('Ŧ', "T"), Map.entry('ı', "I"), Map.entry('Ŀ', "L"));

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('А', "A"), Map.entry('Б', "B"), Map.entry('В', "V"), Map.entry('Г', "G"),
            Map.entry('Ґ', "G"), Map.entry('Д', "D"), Map.entry('Ђ', "D"), Map.entry('Ѓ', "G"),
            Map.entry('Е', "E"), Map.entry('Ё', "E"), Map.entry('Є', "IE"), Map.entry('Ж', "ZH"),
            Map.entry('З', "Z"), Map.entry('Ѕ', "DZ"), Map.entry('И', "I"), Map.entry('І', "I"),
            Map.entry('Ї', "I"), Map.entry('Й', "I"), Map.entry('Ј', "J"), Map.entry('К', "K"),
            Map.entry('Л', "L"), Map.entry('Љ', "LJ"), Map.entry('М', "M"), Map.entry('Н', "N"),
            Map.entry('Њ', "NJ"), Map.entry('О', "O"), Map.entry('П', "P"), Map.entry('Р', "R"),
            Map.entry('С', "S"), Map.entry('Т', "T"), Map.entry('Ћ', "C"), Map.entry('Ќ', "KJ"),
            Map.entry('У', "U"), Map.entry('Ў', "U"), Map.entry('Ф', "F"), Map.entry('Х', "KH"),
            Map.entry('Ц', "TS"), Map.entry('Ч', "CH"), Map.entry('Џ', "DZ"), Map.entry('Ш', "SH"),
            Map.entry('Щ', "SHCH"), Map.entry('Ъ', "IE"), Map.entry('Ы', "Y"), Map.entry('Ь', ""),
            Map.entry('Э', "E"), Map.entry('Ю', "IU"), Map.entry('Я', "IA"));

    private static final Map<Character, String> GREEK = Map.ofEntries(
            Map.entry('Α', "A"), Map.entry('Β', "V"), Map.entry('Γ', "G"), Map.entry('Δ', "D"),
            Map.entry('Ε', "E"), Map.entry('Ζ', "Z"), Map.entry('Η', "I"), Map.entry('Θ', "TH"),
            Map.entry('Ι', "I"), Map.entry('Κ', "K"), Map.entry('Λ', "L"), Map.entry('Μ', "M"),
            Map.entry('Ν', "N"), Map.entry('Ξ', "X"), Map.entry('Ο', "O"), Map.entry('Π', "P"),
            Map.entry('Ρ', "R"), Map.entry('Σ', "S"), Map.entry('Τ', "T"), Map.entry('Υ', "Y"),
            Map.entry('Φ', "F"), Map.entry('Χ', "CH"), Map.entry('Ψ', "PS"), Map.entry('Ω', "O"));

    private static final String UKRAINIAN_LETTERS = "ЄІЇҐєіїґ";
    private static final String UKRAINIAN_NATIONALITIES = "UA";
    private static final String H_FOR_G_NATIONALITIES = "UA BY";

    private static final String DOTLESS_UMLAUT_NATIONALITIES = "TR AZ";

    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private static final Transliterator HAN_TO_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII");

    private MrzNames() {
    }

    /** One name (surname or given names) in MRZ characters: {@code A-Z} and {@code <} between its parts. */
    public static String transliterate(String name) {
        return transliterate(name, "");
    }

    /**
     * As {@link #transliterate(String)}, with the holder's nationality (ISO alpha-2) choosing between the
     * variants the ICAO Cyrillic table allows: Г is H for Ukrainian and Belarusian names, И is Y for Ukrainian.
     * Ukrainian letters (Є, І, Ї, Ґ) in the name select the Ukrainian variants whatever the nationality.
     */
    public static String transliterate(String name, String nationality) {
        String text = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        String country = nationality == null ? "" : nationality.toUpperCase(Locale.ROOT);
        boolean ukrainian = country.length() == 2 && UKRAINIAN_NATIONALITIES.contains(country)
                || text.chars().anyMatch(c -> UKRAINIAN_LETTERS.indexOf(c) >= 0);
        boolean hForG = ukrainian || country.length() == 2 && H_FOR_G_NATIONALITIES.contains(country);
        boolean plainUmlauts = country.length() == 2 && DOTLESS_UMLAUT_NATIONALITIES.contains(country);
        StringBuilder mapped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char upper = Character.toUpperCase(c);
            String replacement = plainUmlauts && (upper == 'Ü' || upper == 'Ö') ? null : LATIN.get(upper);
            if (replacement == null && c == 'ı') {
                replacement = "I";
            }
            if (replacement == null && isCyrillic(upper)) {
                replacement = hForG && upper == 'Г' ? "H" : ukrainian && upper == 'И' ? "Y" : CYRILLIC.get(upper);
            }
            if (replacement == null && isGreek(upper)) {
                char base = greekBase(upper);
                if (base == 'Ο' && i + 1 < text.length() && greekBase(Character.toUpperCase(text.charAt(i + 1))) == 'Υ') {
                    replacement = "OU";
                    i++;
                } else {
                    replacement = GREEK.get(base);
                }
            }
            if (replacement == null && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                // one syllable per character, joined: 秀英 is XIUYING as Chinese passports write it
                synchronized (HAN_TO_LATIN) {
                    replacement = HAN_TO_LATIN.transliterate(String.valueOf(c)).strip();
                }
            }
            mapped.append(replacement != null ? replacement : String.valueOf(c));
        }
        String latin;
        synchronized (TO_LATIN) {
            latin = TO_LATIN.transliterate(mapped.toString());
        }
        return toMrz(latin.toUpperCase(Locale.ROOT));
    }

    /**
     * The name field of a visa MRZ: {@code SURNAME<<GIVEN<NAMES}, filled with {@code <} or truncated to
     * {@code length} characters.
     */
    public static String nameField(String surname, String givenNames, String nationality, int length) {
        String primary = transliterate(surname, nationality);
        String secondary = givenNames == null ? "" : transliterate(givenNames, nationality);
        if (primary.isEmpty()) {
            throw new IllegalArgumentException("surname has no character that can be written in an MRZ");
        }
        String field = secondary.isEmpty() ? primary : primary + "<<" + secondary;
        if (field.length() > length) {
            field = field.substring(0, length);
        }
        return field + "<".repeat(length - field.length());
    }

    private static String toMrz(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append(c);
            } else if ((Character.isWhitespace(c) || c == '-' || c == ',' || c == '<')
                    && out.length() > 0 && out.charAt(out.length() - 1) != '<') {
                out.append('<');
            }
            // apostrophes, full stops, digits and anything else without an MRZ form are dropped
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '<') {
            end--;
        }
        return out.substring(0, end);
    }

    private static char greekBase(char upper) {
        char base = Normalizer.normalize(String.valueOf(upper), Normalizer.Form.NFD).charAt(0);
        return base == 'ς' ? 'Σ' : base;
    }

    private static boolean isCyrillic(char c) {
        return c >= '\u0400' && c <= '\u04FF';
    }

    private static boolean isGreek(char c) {
        return c >= '\u0370' && c <= '\u03FF' || c >= '\u1F00' && c <= '\u1FFF';
    }
}
