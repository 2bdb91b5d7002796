package legion.screening.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How a name written in Han characters is read in the other languages that write names so. ICU's {@code Any-Latin}
 * reads Han as Mandarin only (金正恩 becomes "jin zheng en", 山田太郎 "shan tian tai lang"); the same characters are
 * "Kim Jong Un" in Korean and "Yamada Taro" in Japanese.
 * <ul>
 *   <li>Japanese: the readings of the IPADIC morphological dictionary (Lucene's Kuromoji), which knows names as
 *   words (山田 ヤマダ, 花子 ハナコ), in Hepburn with long vowels shortened as passports write them (タロウ taro).</li>
 *   <li>Korean: each character's Hangul readings from Unihan's {@code kHangul} (金 김 and 금, 李 리 and 이), simplified
 *   characters through their traditional form; several readings give several candidates (at most
 *   {@value #MAX_KOREAN}).</li>
 * </ul>
 * Thread-safe. The Japanese dictionary is loaded on first use.
 */
final class HanReadings {

    static final int MAX_KOREAN = 4;

    private static final String TABLE = "/screening/hanja-hangul.txt";

    private static final ThreadLocal<JapaneseTokenizer> JAPANESE = ThreadLocal.withInitial(
            () -> new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL));

    private static final ThreadLocal<Transliterator> KANA_TO_LATIN = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Katakana-Latin; Hiragana-Latin; Latin-ASCII"));

    private static final ThreadLocal<Transliterator> TO_TRADITIONAL = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Hans-Hant"));

    private static final class Korean {
        static final Map<Integer, String[]> READINGS = load();
    }

    private HanReadings() {
    }

    /** True when the text holds at least one Han character. */
    static boolean hasHan(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (UScript.getScript(cp) == UScript.HAN) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * The Japanese reading in lower-case Latin, words separated by spaces, or {@code null} when the dictionary does
     * not know how to read a word of it.
     */
    static String japanese(String text) {
        JapaneseTokenizer tokenizer = JAPANESE.get();
        StringBuilder kana = new StringBuilder();
        try {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
            ReadingAttribute reading = tokenizer.getAttribute(ReadingAttribute.class);
            tokenizer.reset();
            try {
                while (tokenizer.incrementToken()) {
                    String r = reading.getReading();
                    if (r == null) {
                        if (!isKana(term)) {
                            return null; // a word the dictionary cannot read
                        }
                        r = term.toString();
                    }
                    if (kana.length() > 0) {
                        kana.append(' ');
                    }
                    kana.append(r);
                }
                tokenizer.end();
            } finally {
                tokenizer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a StringReader
        }
        if (kana.length() == 0) {
            return null;
        }
        String latin = KANA_TO_LATIN.get().transliterate(kana.toString()).toLowerCase(Locale.ROOT);
        // Passport Hepburn writes long vowels short: Satou -> Sato, Yuuko -> Yuko (but Inoue keeps its o-u-e)
        return latin.replaceAll("([ou])u(?![aeiou])", "$1").replaceAll("oo(?![aeiou])", "o");
    }

    /**
     * The Korean readings in Hangul, one syllable a word ("김 정 은"), or an empty list when a character has no known
     * Korean reading. Hangul already in the text is kept as it is.
     */
    static List<String> korean(String text) {
        List<String[]> syllables = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            int script = UScript.getScript(cp);
            if (script == UScript.HANGUL) {
                syllables.add(new String[] {new String(Character.toChars(cp))});
            } else if (script == UScript.HAN) {
                String[] r = readingsOf(cp);
                if (r == null) {
                    return List.of();
                }
                syllables.add(r);
            } else {
                return List.of(); // Kana or Latin: not a Korean name
            }
        }
        if (syllables.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add("");
        for (String[] choices : syllables) {
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (String c : choices) {
                    if (next.size() < MAX_KOREAN) {
                        next.add(prefix.isEmpty() ? c : prefix + " " + c);
                    }
                }
            }
            out = next;
        }
        return out;
    }

    private static String[] readingsOf(int cp) {
        String[] r = Korean.READINGS.get(cp);
        if (r == null) {
            String traditional = TO_TRADITIONAL.get().transliterate(new String(Character.toChars(cp)));
            if (traditional.codePointCount(0, traditional.length()) == 1) {
                r = Korean.READINGS.get(traditional.codePointAt(0));
            }
        }
        return r;
    }

    private static boolean isKana(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            int script = UScript.getScript(s.charAt(i));
            if (script != UScript.HIRAGANA && script != UScript.KATAKANA && s.charAt(i) != '\u30fc') {
                return false;
            }
        }
        return true;
    }

    private static Map<Integer, String[]> load() {
        Map<Integer, String[]> table = new HashMap<>(12_000);
        try (InputStream in = HanReadings.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TABLE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                int cp = Integer.parseInt(line.substring(2, tab), 16);
                table.put(cp, line.substring(tab + 1).split(" "));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
