package legion.arms.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import legion.arms.reconcile.Finding.Kind;

class ReconciliationTest {

    private static final Person PETRENKO = new Person("КВ123456", "Петренко", "Михайло", "Іванович", "1980-04-05");
    private static final Person BONDAR = new Person("987654321", "Бондар", "Олена", "Петрівна", "1991-12-01");

    private final Reconciliation register = new Reconciliation(List.of(
            new RegisterEntry(1, "ВД 7914", "АК-74", PETRENKO),
            new RegisterEntry(2, "1984 712155", "АКМ", BONDAR),
            new RegisterEntry(3, "3881807", "ПМ", PETRENKO)));

    private Finding judge(String serial, String make, Person p) {
        return register.reconcile(List.of(new JournalEntry(7, serial, make, p))).get(0);
    }

    @Test
    void sameWeaponWrittenWithLatinLookAlikesAndTheHolderInLatinIsMatched() {
        Finding f = judge("BД-7914", "AK 74", new Person("", "Petrenko", "Mykhailo", "", "05.04.1980"));
        assertThat(f.kind()).isEqualTo(Kind.MATCHED);
        assertThat(f.registerSerial()).isEqualTo("ВД 7914"); // as the register writes it
        assertThat(f.journalRow()).isEqualTo(7);
        assertThat(f.score()).isBetween(0.9, 1.0);
    }

    @Test
    void russifiedGivenNameDayAndMonthSwappedAndOneDigitWrongInTheDocumentStillMatch() {
        Finding f = judge("1984712155", "АКМ", new Person("987654322", "Bondar", "Elena", "", "1991-01-12"));
        assertThat(f.kind()).isEqualTo(Kind.MATCHED);
    }

    @Test
    void anotherPersonOnARegisteredSerialIsOtherHolder() {
        Finding f = judge("1984 712155", "АКМ", new Person("", "Шевчук", "Тарас", "", "1975-06-30"));
        assertThat(f.kind()).isEqualTo(Kind.OTHER_HOLDER);
        assertThat(f.registerSerial()).isEqualTo("1984 712155");
        assertThat(f.score()).isLessThan(0.5);
    }

    @Test
    void sameSurnameButOtherGivenNameAndBirthDateIsOtherHolder() {
        Finding f = judge("1984 712155", "АКМ", new Person("", "Бондар", "Ірина", "Петрівна", "1970-03-02"));
        assertThat(f.kind()).isEqualTo(Kind.OTHER_HOLDER);
    }

    @Test
    void typingErrorsInTheSerialAreCorrectedWhenTheHolderMatches() {
        Person p = new Person("", "Петренко", "М.", "", "1980-04-05");
        assertThat(judge("3881801", "ПМ", p)).extracting(Finding::kind, Finding::registerSerial)
                .containsExactly(Kind.SERIAL_CORRECTED, "3881807");        // wrong digit
        assertThat(judge("38818О7", "ПМ", p).kind()).isEqualTo(Kind.SERIAL_CORRECTED); // letter O for zero
        assertThat(judge("388107", "ПМ", p).kind()).isEqualTo(Kind.SERIAL_CORRECTED);  // missing
        assertThat(judge("38881807", "ПМ", p).kind()).isEqualTo(Kind.SERIAL_CORRECTED); // extra
        assertThat(judge("3818807", "ПМ", p).kind()).isEqualTo(Kind.SERIAL_CORRECTED);  // swapped
        assertThat(judge("8381870", "ПМ", p).kind()).isEqualTo(Kind.SERIAL_CORRECTED);  // two swaps
        assertThat(judge("3800007", "ПМ", p).kind()).isEqualTo(Kind.UNKNOWN_SERIAL);    // three wrong
    }

    @Test
    void aNearSerialOfAnotherPersonOrAnotherMakeIsUnknown() {
        Finding other = judge("3881801", "ПМ", new Person("", "Шевчук", "Тарас", "", "1975-06-30"));
        assertThat(other).extracting(Finding::kind, Finding::registerSerial, Finding::score)
                .containsExactly(Kind.UNKNOWN_SERIAL, "", 0.0);
        Person p = new Person("", "Петренко", "Михайло", "", "1980-04-05");
        assertThat(judge("3881801", "АКМ", p).kind()).isEqualTo(Kind.UNKNOWN_SERIAL);
        assertThat(judge("3881807", "АКМ", p).kind()).isEqualTo(Kind.UNKNOWN_SERIAL); // exact serial, other make
    }

    @Test
    void anEmptyMakeIsLookedUpUnderEveryMake() {
        assertThat(judge("3881807", "", new Person("", "Petrenko", "Mychajlo", "", "")).kind())
                .isEqualTo(Kind.MATCHED);
    }

    @Test
    void onlyTheSerialGivenIsNotEnoughToCallAnyoneTheHolder() {
        assertThat(judge("3881807", "ПМ", new Person("", "", "", "", "")).kind()).isEqualTo(Kind.OTHER_HOLDER);
        assertThat(judge("3881801", "ПМ", new Person("", "", "", "", "")).kind()).isEqualTo(Kind.UNKNOWN_SERIAL);
    }

    @Test
    void aWeaponIssuedTwiceMatchesEitherHolder() {
        Reconciliation twice = new Reconciliation(List.of(new RegisterEntry(1, "1234567", "АКМ", PETRENKO),
                new RegisterEntry(2, "1234567", "АКМ", BONDAR)));
        Finding f = twice.reconcile(List.of(new JournalEntry(1, "1234567", "AKM",
                new Person("", "Бондар", "Олена", "", "1991-12-01")))).get(0);
        assertThat(f.kind()).isEqualTo(Kind.MATCHED);
    }
}
