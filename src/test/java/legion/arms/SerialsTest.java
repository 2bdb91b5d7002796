package legion.arms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerialsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "АК-74 / ВД 7914     | AK74BД7914",   // the example of PRODUCT.md, Cyrillic А К В read as Latin
            "AK74 / BД7914       | AK74BД7914",   // ... and its Latin spelling: one weapon
            "ак-74               | AK74",         // lower case, Cyrillic
            "1984 712155         | 1984712155",
            "ЛБ 8841             | ЛБ8841",       // Л and Б have no Latin twin and stay Cyrillic
            "ПМ                  | ПM",           // П stays, М reads as M
            "АВЕКМНОРСТХІ        | ABEKMHOPCTXI", // every look-alike of the contract
            "авекмнорстхі        | ABEKMHOPCTXI",
            "38818О7             | 38818O7",      // Cyrillic О is Latin O ...
            "3881807             | 3881807",      // ... and stays different from the digit 0
            "A.B-C/D E           | ABCDE",        // dots, hyphens, slashes, spaces
            "A\u00a0B\u2013C\u2212D | ABCD",      // no-break space, en dash, minus sign
            "УЇЙ                 | УЇЙ",          // no look-alikes: unchanged
    })
    void normalisesAsTheContractSays(String raw, String expected) {
        assertThat(Serials.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {"0282072 | O282072", "ПМ | PM", "АКС74У | AKC74Y", "Ї | I"})
    void keepsDifferentWhatTheContractDoesNotFold(String a, String b) {
        assertThat(Serials.normalize(a)).isNotEqualTo(Serials.normalize(b));
    }
}
