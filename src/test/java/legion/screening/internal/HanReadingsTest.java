package legion.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HanReadingsTest {

    @Test
    void readsJapaneseNamesAsWordsOfTheDictionaryInPassportHepburn() {
        assertThat(HanReadings.japanese("山田太郎")).isEqualTo("yamada taro");
        assertThat(HanReadings.japanese("佐藤")).isEqualTo("sato");
        assertThat(HanReadings.japanese("井上")).isEqualTo("inoue");
        assertThat(HanReadings.japanese("ゆうこ")).isEqualTo("yuko");
    }

    @Test
    void givesNoJapaneseReadingWhenTheDictionaryCannotReadAWord() {
        assertThat(HanReadings.japanese("习近平")).isNull(); // 习 is a simplified Chinese character
    }

    @Test
    void readsKoreanSyllableBySyllableWithEveryReadingOfACharacter() {
        assertThat(HanReadings.korean("金正恩")).containsExactly("금 정 은", "김 정 은");
        assertThat(HanReadings.korean("李")).contains("리", "이");
        assertThat(HanReadings.korean("习")).containsExactly("습"); // simplified, read through 習
        assertThat(HanReadings.korean("金正 김")).containsExactly("금 정 김", "김 정 김");
    }

    @Test
    void limitsTheNumberOfKoreanCandidatesAndGivesNoneForKana() {
        assertThat(HanReadings.korean("金李金李金")).hasSize(HanReadings.MAX_KOREAN);
        assertThat(HanReadings.korean("山田たろう")).isEmpty();
        assertThat(HanReadings.korean("")).isEmpty();
    }

    @Test
    void tellsWhetherTextHoldsHan() {
        assertThat(HanReadings.hasHan("김정은")).isFalse();
        assertThat(HanReadings.hasHan("Kim 金")).isTrue();
    }
}
