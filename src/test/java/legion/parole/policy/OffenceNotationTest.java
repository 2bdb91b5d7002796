package legion.parole.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OffenceNotationTest {

    @ParameterizedTest(name = "[{0}] reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "115:2.1|115:2.1",
            "286-1:4|286-1:4",
            "114-1|114-1",
            "111|111",
            "185:4|185:4",
            "115:2.10|115:2.10",
            " 115 : 2 . 1 |115:2.1",
            "258 - 1|258-1",
            "ст. 115 ч. 2 п. 1|115:2.1",
            "ст. 114-1|114-1",
            "ст. 286-1 ч. 4|286-1:4",
            "ст.115 ч.2 п.1|115:2.1",
            "ст 115 ч 2 п 1|115:2.1",
            "Ст. 115 Ч. 2 П. 10|115:2.10",
            "  ст. 258-6  |258-6",
            "ст. 115, ч. 2, п. 4|115:2.4",
            "ст. 156-1 ч. 1|156-1:1",
    })
    void readsBothNotations(String text, String expected) {
        assertThat(OffenceNotation.read(text)).map(Offence::toString).contains(expected);
    }

    @ParameterizedTest(name = "[{0}] is unreadable")
    @ValueSource(strings = {"", " ", "abc", "115:", "115:2.", ":2", "-1", "115-", "115:0", "0115", "0", "115:2.1.3",
            "115;2", "ст.", "ст. ч. 2", "ст. 115 п. 1", "115 ч. 2", "ст. 115:2", "12345", "115:2.1x", "art. 115",
            "115:2,1", "ст. 115 ч. 2 п."})
    void refusesWhatIsNotAnOffence(String text) {
        assertThat(OffenceNotation.read(text)).isEmpty();
    }

    @Test
    void readsSemicolonListsInEitherNotationWithoutRepeatsAndIgnoringEmptyEntries() {
        OffenceNotation.Reading reading = OffenceNotation.readList(" 115:1;ст. 115 ч. 1 ; ст. 258-1 ;;190:3;");
        assertThat(reading.isReadable()).isTrue();
        assertThat(reading.offences()).map(Offence::toString).containsExactly("115:1", "258-1", "190:3");
    }

    @Test
    void namesEveryUnreadableEntryOfAList() {
        OffenceNotation.Reading reading = OffenceNotation.readList("115:1; 11x ;ст. 9999-99;ст. двісті");
        assertThat(reading.isReadable()).isFalse();
        assertThat(reading.offences()).isEmpty();
        assertThat(reading.unreadable()).containsExactly("11x", "ст. двісті");
    }

    @Test
    void anEmptyListIsNotReadable() {
        assertThat(OffenceNotation.readList(" ; ").isReadable()).isFalse();
        assertThat(OffenceNotation.readList(null).unreadable()).isEmpty();
    }
}
