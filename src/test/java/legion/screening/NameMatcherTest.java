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

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "佐藤健 | Sato Ken",                 // Japanese reading of Kanji, long vowel as passports write it
            "鈴木一郎 | Ichiro Suzuki",           // ... in Western order
            "井上陽水 | Yosui Inoue",             // o-u-e is not a long vowel
            "山田太郎 | やまだ たろう",             // Kanji and Hiragana
            "文在寅 | Moon Jae-in",              // Korean reading of Hanja
            "金大中 | Kim Dae-jung",             // 金 is 김 as a surname, 금 elsewhere
            "金正恩 | 김정은",                     // Hanja and Hangul
            "習近平 | Xi Jinping"                 // Mandarin still read, traditional characters too
    })
    void readsHanInEachLanguageThatWritesNamesWithIt(String a, String b) {
        assertThat(matcher.score(a, b)).isGreaterThanOrEqualTo(NameMatcher.THRESHOLD);
        assertThat(matcher.score(b, a)).isGreaterThanOrEqualTo(NameMatcher.THRESHOLD);
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "이명박 | Lee Myung-bak",            // 이 is one syllable, not an initial; myeong is Myung
            "박지성 | Park Ji-sung",             // bak is Park; seong is Sung
            "노무현 | Roh Moo-hyun",             // initial-sound law: 노 is also Roh
            "정주영 | Chung Ju-yung",            // jeong is Chung, yeong is Yung
            "최순실 | Choi Soon-sil",
            "李明博 | Lee Myung-bak"              // the same through the Korean reading of Hanja
    })
    void meetsTheUsualSpellingsOfKoreanNames(String a, String b) {
        assertThat(matcher.score(a, b)).isGreaterThanOrEqualTo(NameMatcher.THRESHOLD);
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(delimiter = '|', value = {
            "고석진 | Ko Seok-jung",              // one syllable differs
            "김정은 | Kim Jong Il",
            "박근혜 | Park Chung-hee",
            "이민호 | Lee Min Jung"
    })
    void keepsDifferentKoreanNamesApart(String a, String b) {
        assertThat(matcher.score(a, b)).isLessThan(NameMatcher.THRESHOLD);
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(delimiter = '|', value = {
            "高石早苗 | 高市早苗",                 // both in Han: the characters decide, not their similar readings
            "金大中 | Kim Jong Un",
            "佐藤健 | Kato Ken",
            "文在寅 | Park Jae-in"
    })
    void readingsDoNotBlurDifferentNames(String a, String b) {
        assertThat(matcher.score(a, b)).isLessThan(NameMatcher.THRESHOLD);
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
