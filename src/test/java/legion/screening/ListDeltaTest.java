package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Re-screening after a list change screens a case already screened against the version before only against what the
 * new version added (ADR 0051), and against the whole list when an entry was removed or changed.
 */
class ListDeltaTest {

    static final Watchlist V1 = Watchlists.loadUn(Path.of("src/test/resources/screening/rescreen/un-v1.xml"));
    static final Watchlist V2 = Watchlists.loadUn(Path.of("src/test/resources/screening/rescreen/un-v2.xml"));
    static final Person ADDED = new Person("Zebulon Quartermaine", LocalDate.of(1982, 3, 11), "GB", "M");
    static final Person LISTED_BEFORE = new Person("Eric Badege", LocalDate.of(1971, 5, 1), "CD", "M");

    @Test
    void onlyTheAddedEntriesAreScreenedWhenNothingElseChanged() {
        assertThat(V2.entries()).containsAll(V1.entries()).hasSize(V1.entries().size() + 1);
        Screener added = ScreeningLists.added(V1, V2);
        assertThat(added).isNotNull();
        assertThat(added.indexedNames()).isEqualTo(1);
        assertThat(added.screen(ADDED)).extracting(Hit::listId).containsExactly("9900001");
        assertThat(new Screener(List.of(V2)).screen(ADDED)).extracting(Hit::listId).containsExactly("9900001");
        assertThat(added.screen(LISTED_BEFORE)).as("unchanged entries were screened at the version before").isEmpty();
        assertThat(new Screener(List.of(V2)).screen(LISTED_BEFORE)).isNotEmpty();
    }

    @Test
    void aRemovedOrChangedEntryMeansTheWholeList() {
        assertThat(ScreeningLists.added(V2, V1)).as("an entry removed").isNull();
        List<WatchlistEntry> changed = new ArrayList<>(V1.entries());
        WatchlistEntry e = changed.get(0);
        changed.set(0, new WatchlistEntry(e.list(), e.id(), e.individual(), e.name(), List.of("Another Alias"),
                e.birthDates(), e.nationalities(), e.countryCodes(), e.gender()));
        assertThat(ScreeningLists.added(V1, new Watchlist("un", "v-changed", changed))).as("an entry changed").isNull();
        assertThat(ScreeningLists.added(V1, new Watchlist("un", "v-same", V1.entries())).indexedNames())
                .as("a new version with the same entries adds nothing to screen").isZero();
    }
}
