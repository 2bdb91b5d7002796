package legion.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import legion.shared.TextRules.Lines;

/** The text rule pinned with literal cases (escapes written as code points, so the table shows what is tested). */
class TextRulesTest {

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            // names in any script, stored as given
            "Arthur Philip                          | OK        | OK",
            "\\u0645\\u062d\\u0645\\u062f                | OK        | OK",       // Arabic Muhammad
            "\\u041e\\u043b\\u0435\\u043a\\u0441\\u0430\\u043d\\u0434\\u0440 | OK | OK", // Cyrillic
            "\\u738b\\u5c0f\\u660e                     | OK        | OK",       // Han
            "Jose\\u0301                              | OK        | OK",       // combining acute
            "\\u0639\\u0644\\u06cc\\u200c\\u0631\\u0636\\u0627 | OK  | OK",       // Persian Alireza with ZWNJ
            "\\u0dc1\\u0dca\\u200d\\u0dbb\\u0dd3          | OK        | OK",       // Sinhala Sri with ZWJ
            "O'Brien-Smith                          | OK        | OK",
            "\\ud83d\\ude00 Smile                     | OK        | OK",       // astral symbol
            // nothing visible
            "\\u200b\\u200b                          | invisible | invisible", // zero-width spaces
            "\\u200d\\u200c                          | invisible | invisible", // ZWJ + ZWNJ alone
            "\\ufeff                                | invisible | invisible", // BOM
            "\\u3164\\u3164                          | invisible | invisible", // Hangul filler
            "\\u2800                                | invisible | invisible", // blank braille
            "\\u00a0\\u2003                          | invisible | invisible", // no-break and em space
            "\\u0301                                | invisible | invisible", // a mark on nothing
            // bidi controls
            "Dent\\u202egb                          | bidi      | bidi",
            "\\u202aDent                            | bidi      | bidi",
            "Dent\\u2066x\\u2069                     | bidi      | bidi",
            "Dent\\u200f                            | bidi      | bidi",
            "Dent\\u200e                            | bidi      | bidi",
            "\\u0645\\u061c                          | bidi      | bidi",
            // control characters: line breaks only where text has lines
            "Army\\u0007                            | characters | characters",
            "Army\\u0000                            | characters | characters",
            "Army\\u001b[31m                        | characters | characters",
            "Army\\u0085                            | characters | characters", // NEL (C1)
            "line one\\nline two                     | characters | OK",
            "tab\\tseparated\\r\\n                    | characters | OK",
            "para\\u2028graph                       | characters | OK",
            // what databases cannot store
            "a\\ud800b                              | characters | characters", // unpaired high surrogate
            "a\\udc00                               | characters | characters", // unpaired low surrogate
            "a\\ufdd0                               | characters | characters", // non-character
            "a\\uffff                               | characters | characters",
    })
    void judgesText(String escaped, String oneLine, String manyLines) {
        String text = unescape(escaped.strip());
        assertThat(TextRules.problem(text, Lines.ONE)).isEqualTo(Optional.ofNullable(oneLine));
        assertThat(TextRules.problem(text, Lines.MANY)).isEqualTo(Optional.ofNullable(manyLines));
    }

    /** {@code \\uXXXX}, {@code \\n}, {@code \\r}, {@code \\t} as in Java source. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
