package legion.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldComparatorTest {

    private static double date(String a, String b) {
        FieldComparator c = FieldComparator.DATE;
        return c.similarity(c.prepareValue(a), c.prepareValue(b));
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource({
            "1985-04-07, 1985-04-07, 1.0",   // same
            "19850407,   07.04.1985, 1.0",   // same date, other formats
            "1985-04-07, 1985-07-04, 0.9",   // day and month swapped
            "1985-04-07, 1985-04-01, 0.85",  // one digit wrong
            "1985-04-17, 1985-04-71, 0.85",  // two adjacent digits transposed (impossible day kept)
            "1985-04-07, 1985-04-28, 0.6",   // same month
            "1985-04-07, 1985-11-28, 0.4",   // same year
            "1985-04-07, 1962-11-28, 0.0"
    })
    void datesForgiveTheTypicalTypos(String a, String b, double expected) {
        assertThat(date(a, b)).isEqualTo(expected);
    }

    @Test
    void unreadableOrMissingValuesAreMissingNotDifferent() {
        assertThat(FieldComparator.DATE.prepareValue("next tuesday")).isNull();
        assertThat(FieldComparator.DATE.prepareValue("")).isNull();
        assertThat(FieldComparator.IDENTIFIER.prepareValue(" - ")).isNull();
        assertThat(FieldComparator.NAME.prepareValue("  ")).isNull();
    }

    @Test
    void identifiersIgnoreCaseAndSeparatorsDigitsForgiveOneTypo() {
        FieldComparator id = FieldComparator.IDENTIFIER;
        assertThat(id.similarity(id.prepareValue("ab 12-34"), id.prepareValue("AB1234"))).isEqualTo(1.0);
        assertThat(id.similarity(id.prepareValue("AB1234"), id.prepareValue("AB1235"))).isZero();
        FieldComparator digits = FieldComparator.DIGITS;
        assertThat(digits.similarity(digits.prepareValue("6988048"), digits.prepareValue("6988084")))
                .isGreaterThan(0.8).isLessThan(1.0);
    }

    @Test
    void namesCompareAcrossScriptsAndOrder() {
        FieldComparator n = FieldComparator.NAME;
        assertThat(n.similarity(n.prepareValue("Шевченко Олександр"), n.prepareValue("Oleksandr Shevchenko")))
                .isGreaterThanOrEqualTo(0.88);
    }
}
