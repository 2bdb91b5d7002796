package legion.screening.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * Turns a name in any script into comparable tokens: NFKC, ICU {@code Any-Latin; Latin-ASCII}, case fold,
 * punctuation removed, honorifics, particles and legal forms dropped, look-alike digits read as letters.
 * Thread-safe.
 */
public final class NameNormalizer {

    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "president", "praesident", "prasident",
            "monsieur", "madame", "mme", "herr", "frau", "sheikh", "shaikh", "sheik", "general", "gen", "col",
            "colonel", "capt", "captain", "major", "rev", "hon", "his", "her", "excellency", "mullah", "maulana",
            "maulavi", "mawlawi", "qari", "haji", "hajji", "alhaji");

    private static final Set<String> PARTICLES = Set.of(
            "al", "el", "ul", "bin", "ben", "ibn", "bint", "binti", "de", "da", "do", "dos", "das", "del", "della",
            "di", "du", "van", "von", "der", "den", "la", "le", "y", "e", "na", "a", "ka", "aka", "fka", "nee",
            "the", "of", "and");

    private static final Set<String> LEGAL_FORMS = Set.of(
            "ltd", "limited", "llc", "llp", "lp", "inc", "incorporated", "co", "corp", "corporation", "company",
            "sa", "ag", "gmbh", "plc", "jsc", "ojsc", "cjsc", "pjsc", "oao", "zao", "ooo", "pao", "ao", "bv", "nv",
            "srl", "sarl", "spa", "ab", "as", "oy", "kg", "pte", "pty", "sas", "sl");

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    /** Ukrainian Cyrillic as BGN/PCGN writes it (Г h, И y, Ї yi, Ю yu), close to the national KMU 2010 system. */
    private static final ThreadLocal<Transliterator> UKRAINIAN_TO_LATIN = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII"));

    /**
     * Names already normalised, shared by every normaliser of the node (normalising is pure). A case's name is
     * normalised several times within seconds (watchlist screening, the duplicate query, its blocking keys, the
     * duplicate index of each node), and names repeat; ICU's transliteration was a quarter of screening's time.
     * Bounded, so that a flood of distinct names costs memory of {@value #CACHED_NAMES} entries at most.
     */
    private static final int CACHED_NAMES = 50_000;
    private static final Cache<String, NormalizedName> NORMALIZED = Caffeine.newBuilder()
            .maximumSize(CACHED_NAMES).build();

    public NormalizedName normalize(String raw) {
        if (raw == null || raw.length() > 512) {
            return normalize(raw, false); // not worth keeping
        }
        return NORMALIZED.get(raw, r -> normalize(r, false));
    }

    /** {@code reading}: the text is a reading of Han characters, every word of it a syllable of the name. */
    private NormalizedName normalize(String raw, boolean reading) {
        if (raw == null || raw.isBlank()) {
            return NormalizedName.of(List.of(), List.of(), false, false, null);
        }
        String text = NFKC.normalize(raw.strip());
        boolean abjad = false;
        boolean hangul = false;
        boolean cyrillic = false;
        boolean ascii = true;
        boolean onlyLogograms = true;
        StringBuilder logograms = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x80) {
                ascii = false;
            }
            if (!Character.isLetter(cp)) {
                continue;
            }
            int script = UScript.getScript(cp);
            switch (script) {
                case UScript.ARABIC, UScript.HEBREW, UScript.SYRIAC, UScript.THAANA -> abjad = true;
                case UScript.HANGUL -> hangul = true;
                case UScript.CYRILLIC -> cyrillic = true;
                default -> { }
            }
            if (script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA
                    || script == UScript.HANGUL) {
                logograms.appendCodePoint(cp);
            } else {
                onlyLogograms = false;
            }
        }
        String latin = ascii ? text : TO_LATIN.get().transliterate(text);
        List<String> tokens = tokenize(latin.toLowerCase(Locale.ROOT), !reading);
        List<String> folded = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            folded.add(fold(t, hangul));
        }
        String logo = onlyLogograms && logograms.length() > 0 ? logograms.toString() : null;
        NormalizedName name = NormalizedName.of(tokens, folded, abjad, hangul, logo);
        if (!reading && cyrillic) {
            // ICU's Any-Latin reads Cyrillic the Russian way (Горбатюк: gorbatuk); Ukrainian names are written in
            // Latin letters the Ukrainian way (Horbatiuk, Horbatyuk): a second reading, as Han has its readings
            NormalizedName ukrainian = normalize(UKRAINIAN_TO_LATIN.get().transliterate(text), false); // ASCII: no deeper
            return ukrainian.isEmpty() || ukrainian.tokens().equals(tokens) ? name
                    : name.withReadings(List.of(ukrainian));
        }
        if (reading || logo == null) {
            return name;
        }
        boolean han = HanReadings.hasHan(logo);
        return han || hangul ? name.withReadings(readings(text, han)) : name;
    }

    /**
     * Other readings of a name written in Han, Kana or Hangul, each normalised: Japanese (when it has Han) and Korean
     * syllable by syllable (ICU writes 이명박 as one word, "imyeongbag"; read as 이 명 박 it meets Lee Myung-bak).
     */
    private List<NormalizedName> readings(String text, boolean han) {
        List<NormalizedName> out = new ArrayList<>(1 + HanReadings.MAX_KOREAN);
        String japanese = han ? HanReadings.japanese(text) : null;
        if (japanese != null) {
            out.add(normalize(japanese, true));
        }
        for (String korean : HanReadings.korean(text)) {
            out.add(normalize(korean, true));
        }
        out.removeIf(NormalizedName::isEmpty);
        return out;
    }

    /** Any text reduced to lower-case ASCII words separated by single spaces (no stop words removed). */
    public String plain(String raw) {
        String text = NFKC.normalize(raw.strip());
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        String latin = ascii ? text : TO_LATIN.get().transliterate(text);
        return latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@.]+", " ").strip();
    }

    /** {@code dropStopWords}: honorifics, particles and legal forms are removed (not from readings: 사 is "sa"). */
    private static List<String> tokenize(String lower, boolean dropStopWords) {
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '`' || cp == '\u02bf' || cp == '\u02be'
                    || cp == '\u02bb' || cp == '\u02bc' || cp == '\u200c' || cp == '\u200d' || cp == '\u00b4') {
                continue; // apostrophes and ayin/hamza marks join their neighbours: cho'ng -> chong
            }
            if (Character.isLetterOrDigit(cp)) {
                sb.appendCodePoint(cp);
            } else if (Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                sb.appendCodePoint(cp); // marks of scripts ICU cannot romanise stay with their letter
            } else {
                sb.append(' ');
            }
        }
        List<String> raw = new ArrayList<>();
        for (String t : sb.toString().split(" +")) {
            if (t.isEmpty()) {
                continue;
            }
            t = readDigitsAsLetters(t);
            if (t.length() == 2 && isAsciiLetters(t) && noVowel(t)) {
                raw.add(t.substring(0, 1)); // "JC" reads as two initials
                raw.add(t.substring(1));
            } else {
                raw.add(t);
            }
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String t : raw) {
            if (!dropStopWords || !HONORIFICS.contains(t) && !PARTICLES.contains(t) && !LEGAL_FORMS.contains(t)) {
                kept.add(t);
            }
        }
        if (kept.isEmpty()) {
            kept.addAll(raw); // a name made only of stop words keeps them
        }
        return new ArrayList<>(kept);
    }

    private static boolean isAsciiLetters(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean noVowel(String t) {
        for (int i = 0; i < t.length(); i++) {
            if ("aeiouy".indexOf(t.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Digits inside a word are look-alike typos (I9or Sech1n); numbers on their own stay numbers. */
    private static String readDigitsAsLetters(String t) {
        boolean letters = false;
        boolean digits = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            letters |= Character.isLetter(c);
            digits |= Character.isDigit(c);
        }
        if (!(letters && digits)) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            sb.append(switch (c) {
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '4' -> 'a';
                case '5' -> 's';
                case '6', '9' -> 'g';
                case '7' -> 't';
                case '8' -> 'b';
                default -> c;
            });
        }
        return sb.toString();
    }

    /**
     * Folds spelling differences that transliteration systems disagree on (kh/h, ou/u, y/i, w/v, c/k/q, z/s,
     * doubled letters, silent h) so that Mouammar and Muammar, Dmitrij and Dmitry fold to the same key.
     */
    static String fold(String t, boolean hangul) {
        String s = t;
        if (hangul) {
            // Revised Romanization vs McCune-Reischauer: g/k, b/p, d/t, j/ch and eo/o, eu/u
            if (s.startsWith("g")) {
                s = "k" + s.substring(1);
            } else if (s.startsWith("b")) {
                s = "p" + s.substring(1);
            } else if (s.startsWith("d")) {
                s = "t" + s.substring(1);
            } else if (s.startsWith("i") && s.length() > 1) {
                s = "l" + s;
            }
        }
        s = s.replace("eo", "o").replace("eu", "u");
        s = s.replace("sch", "sh").replace("tch", "ch").replace("dzh", "j").replace("zh", "j").replace("dj", "j");
        s = s.replace("kh", "h").replace("gh", "g").replace("ph", "f").replace("th", "t").replace("ck", "k");
        s = s.replace("ch", "s").replace("sh", "s");
        if (s.startsWith("x")) {
            s = "s" + s.substring(1);
        }
        s = s.replace("x", "ks").replace("q", "k").replace("c", "k").replace("w", "v").replace("z", "s");
        s = s.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("y", "i");
        if (s.startsWith("o") && s.length() > 3) {
            s = "u" + s.substring(1); // Arabic damma: Osama/Usama, Omar/Umar, Othman/Uthman
        }
        if (s.endsWith("ij") || s.endsWith("ej") || s.endsWith("aj") || s.endsWith("oj")) {
            s = s.substring(0, s.length() - 1) + "i";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'h' && i > 0) {
                continue; // silent or aspirating h inside a word
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) == c) {
                continue;
            }
            sb.append(c);
        }
        return sb.length() == 0 ? t : sb.toString();
    }

    /**
     * A key on which the romanisations of one Korean syllable agree: Revised Romanization (from Hangul), McCune-Reischauer
     * and the spellings passports and lists use. Vowels eo/o, eu/u, oo/u and ee/i meet; k/g, p/b, t/d, ch/j and r/l
     * meet; the English r after a vowel is dropped (Park, Pak and Bak); -ong, -ung and -eong meet (Jong, Jung, Jeong);
     * an initial l or y before i is dropped and an initial l before another vowel is n (the initial-sound law: 이 is
     * I, Yi, Lee or Rhee; 노 is No or Roh).
     */
    static String koreanKey(String token) {
        String s = token.replace("eo", "o").replace("eu", "u").replace("oo", "u").replace("ee", "i")
                .replace("oi", "oe").replace("tch", "j").replace("ch", "j").replace("sh", "s")
                .replace("ng", "N"); // the final ng is one sound: its g is not a k
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            c = switch (c) {
                case 'g' -> 'k';
                case 'b' -> 'p';
                case 'd' -> 't';
                case 'r' -> 'l';
                default -> c;
            };
            if (c == 'h' && i > 0) {
                continue; // aspiration marks and Rhee's h
            }
            if (c == 'l' && i > 0 && "aeiou".indexOf(s.charAt(i - 1)) >= 0 && i + 1 < s.length()
                    && "aeiouyw".indexOf(s.charAt(i + 1)) < 0) {
                continue; // Park: the r of English spelling before a consonant
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) == c) {
                continue;
            }
            sb.append(c);
        }
        String key = sb.toString().replace("oN", "uN").replace("N", "ng").replace("yon", "yun");
        if (key.length() > 1 && (key.startsWith("li") || key.startsWith("yi") || key.startsWith("ly"))) {
            key = key.substring(1);
        } else if (key.length() > 1 && key.charAt(0) == 'l' && "aeou".indexOf(key.charAt(1)) >= 0) {
            key = "n" + key.substring(1); // 노 is No, Noh or Roh
        }
        return key;
    }

    /** The consonant skeleton used against names written in abjads: folded, vowels dropped. */
    static String skeleton(String folded, boolean keepW) {
        StringBuilder sb = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ("aeiou".indexOf(c) >= 0 || (!keepW && c == 'v')) {
                continue;
            }
            if (c == 'p') {
                c = 'b';
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) == c) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
