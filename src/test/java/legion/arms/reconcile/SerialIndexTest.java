package legion.arms.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerialIndexTest {

    private static final Person NOBODY = new Person("", "", "", "", "");

    private static SerialIndex index(String... makeAndSerial) {
        List<RegisterEntry> entries = new ArrayList<>();
        for (int i = 0; i < makeAndSerial.length; i += 2) {
            entries.add(new RegisterEntry(i / 2 + 1, makeAndSerial[i + 1], makeAndSerial[i], NOBODY));
        }
        return new SerialIndex(entries);
    }

    @ParameterizedTest(name = "{0} is {1} edits from 1234567")
    @CsvSource({
            "1234597, 1",     // one wrong digit
            "123457, 1",      // one missing
            "12345677, 1",    // one extra
            "1234657, 1",     // two neighbours swapped
            "2134576, 2",     // two swaps
            "1234, -1",       // three missing: too far
            "12x4y6z, -1",    // three wrong
            "2143657, -1",    // three swaps
            "1237, -1"})
    void findsSerialsAtMostTwoEditsAway(String query, int edits) {
        SerialIndex index = index("AKM", "1234567");
        List<SerialIndex.Near> near = index.near("AKM", query);
        if (edits < 0) {
            assertThat(near).isEmpty();
        } else {
            assertThat(near).singleElement().satisfies(n -> {
                assertThat(n.weapon().serial()).isEqualTo("1234567");
                assertThat(n.edits()).isEqualTo(edits);
            });
        }
    }

    @Test
    void nearOnlyWithinTheSameMakeUnlessTheMakeIsUnknown() {
        SerialIndex index = index("AKM", "1234567", "ПM", "1234568");
        assertThat(index.near("AKM", "1234569")).extracting(n -> n.weapon().make()).containsExactly("AKM");
        assertThat(index.near("", "1234569")).extracting(n -> n.weapon().make())
                .containsExactlyInAnyOrder("AKM", "ПM");
        assertThat(index.near("AK74", "1234569")).isEmpty();
    }

    @Test
    void exactMatchesNormalisedSerialOfTheSameMake() {
        SerialIndex index = index("АКМ", "ВД 7914", "ПМ", "ВД 7914");
        assertThat(index.exact("AKM", "BД7914")).singleElement()
                .satisfies(w -> assertThat(w.entries().get(0).serial()).isEqualTo("ВД 7914"));
        assertThat(index.exact("", "BД7914")).hasSize(2);
        assertThat(index.exact("AKM", "BД7915")).isEmpty();
        assertThat(index.near("AKM", "BД7914")).isEmpty(); // the serial itself is not "near"
    }

    @Test
    void aWeaponIssuedTwiceIsOneWeaponWithTwoEntries() {
        SerialIndex index = index("AKM", "12-34", "АКМ", "1234");
        assertThat(index.exact("AKM", "1234")).singleElement()
                .satisfies(w -> assertThat(w.entries()).extracting(RegisterEntry::row).containsExactly(1, 2));
    }

    @Test
    void deletionNeighbourhoodOfAShortSerial() {
        assertThat(SerialIndex.deletions("abc")).containsExactlyInAnyOrder("abc", "bc", "ac", "ab", "a", "b", "c");
    }
}
