package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NameMatcherTest {

    private final NameMatcher matcher = new NameMatcher();

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "Vladimir Putin | Vladmir Putin",                 // typo
            "Putin Vladimir | Vladimir Putin",                // swapped order
            "PUTIN, Vladimir | Vladimir Putin",               // list order with comma
            "Владимир Путин | Vladimir Putin",                // Cyrillic
            "Muammar Gaddafi | Moammar Qaddafi",              // transliteration variants
            "Mr. Rami Makhlouf | Rami Makhlouf",              // honorific
            "Hans J Friedrich | Hans Joachim Friedrich",      // initial
            "SergeiLavrov | Sergei Lavrov",                   // joined words
            "Bashar al-Assad | Bachar el-Assad",              // particles
            "I9or Sech1n | Igor Sechin",                      // look-alike digits
            "Recep Tayyip Erdogan | Recep Tayyip Erdoğan"     // diacritics
    })
    void matchesVariantsOfTheSameName(String a, String b) {
        assertThat(matcher.score(a, b)).isGreaterThanOrEqualTo(NameMatcher.THRESHOLD);
        assertThat(matcher.isMatch(a, b)).isTrue();
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(delimiter = '|', value = {
            "Hans O Friedrich | Hans Joachim Friedrich",      // contradicting initial
            "N.N. | Nursultan Nazarbayev",                    // initials alone
            "BARZAN IBRAHIM HASSAN AL-MOSULI | BARZAN IBRAHIM HASSAN AL-TIKRITI", // one family name differs
            "Frank Richter | Frederik Richter",
            "Thomas A. Lind | Thomas Lindemann",              // prefix of a longer surname
            "习近朋 | 习近平",                                   // one logogram differs
            "Angela Merkel | Vladimir Putin"
    })
    void keepsDifferentNamesApart(String a, String b) {
        assertThat(matcher.score(a, b)).isLessThan(NameMatcher.THRESHOLD);
    }

    @ParameterizedTest(name = "{0} ~ {1} >= {2}")
    @CsvSource({
            "محمد علي,Mohamed Ali,0.90",
            "משה,Moshe,0.90",
            "Αλέξανδρος,Alexander,0.60",
            "김정은,Kim Jong Un,0.70",
            "习近平,Xi Jinping,0.55",
            "สมชาย,Somchai,0.80"
    })
    void romanisesOtherScripts(String a, String b, double minimum) {
        assertThat(matcher.score(a, b)).isGreaterThanOrEqualTo(minimum);
    }

    @Test
    void scoresLieBetweenZeroAndOneAndIdenticalNamesScoreOne() {
        assertThat(matcher.score("Angela Merkel", "Angela Merkel")).isEqualTo(1.0);
        assertThat(matcher.score("", "Angela Merkel")).isZero();
        assertThat(matcher.score(null, "Angela Merkel")).isZero();
        assertThat(matcher.score("Angela Merkel", "Merkel Angela Dorothea")).isBetween(0.0, 1.0);
    }

    @Test
    void isSymmetricEnoughToNotDependOnArgumentOrder() {
        String[][] pairs = {{"Vladimir Vladimirovich Putin", "Vladimir Putin"}, {"Osama bin Laden", "Usama bin Ladin"},
                {"Frank Richter", "Frederik Richter"}};
        for (String[] p : pairs) {
            assertThat(matcher.score(p[0], p[1])).isCloseTo(matcher.score(p[1], p[0]),
                    org.assertj.core.data.Offset.offset(0.02));
        }
    }
}
