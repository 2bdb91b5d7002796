package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import legion.shared.Actor;
import legion.shared.Role;

/**
 * The screening aggregates' successor tables pinned by literal tables (changing an edge of either fails this test),
 * and the guards they share through {@link Finding}: only vetting officers decide, an edge from the wrong status is
 * refused, the proposing officer never completes the proposal (four eyes), each decision registers one
 * {@link FindingDecided}.
 */
class FindingTest {

    static final Actor FIRST = Actor.officer("vetting1", Role.VETTING_OFFICER, null);
    static final Actor SECOND = Actor.officer("vetting2", Role.VETTING_OFFICER, null);
    static final Actor EMBASSY = Actor.officer("embassy-gb", Role.EMBASSY_OFFICER, "GB");

    static String table(Finding.Edge<?>[] edges) {
        Map<String, String> t = new LinkedHashMap<>();
        for (Finding.Edge<?> e : edges) {
            t.put(((Enum<?>) e).name(), e.from() + " -> " + e.to());
        }
        return t.toString();
    }

    @Test
    void theSuccessorTablesAreExactlyThese() {
        assertThat(table(WatchlistHit.Decision.values())).isEqualTo("{CONFIRM=[OPEN, CLEAR_PROPOSED] -> CONFIRMED, "
                + "PROPOSE_CLEAR=[OPEN] -> CLEAR_PROPOSED, CLEAR=[CLEAR_PROPOSED] -> CLEARED}");
        assertThat(table(PossibleDuplicate.Decision.values())).isEqualTo("{LINK=[OPEN, DISMISS_PROPOSED] -> LINKED, "
                + "PROPOSE_DISMISS=[OPEN] -> DISMISS_PROPOSED, DISMISS=[DISMISS_PROPOSED] -> DISMISSED}");
        assertThat(EnumSet.allOf(WatchlistHit.Status.class).stream().filter(WatchlistHit.Status::holds))
                .containsExactly(WatchlistHit.Status.OPEN, WatchlistHit.Status.CLEAR_PROPOSED,
                        WatchlistHit.Status.CONFIRMED);
        assertThat(EnumSet.allOf(PossibleDuplicate.Status.class).stream().filter(PossibleDuplicate.Status::holds))
                .containsExactly(PossibleDuplicate.Status.OPEN, PossibleDuplicate.Status.DISMISS_PROPOSED);
    }

    static WatchlistHit hit() {
        return new WatchlistHit(7, UUID.randomUUID(), "un", "6907993", "ERIC BADEGE", 0.97, "name", false,
                WatchlistHit.Status.OPEN, null, null);
    }

    static PossibleDuplicate duplicate() {
        return new PossibleDuplicate(9, UUID.randomUUID(), UUID.randomUUID(), 0.93, false, false, "name",
                PossibleDuplicate.Status.OPEN, null, null);
    }

    static void refused(Runnable action, FindingRefusedException.Reason reason) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(FindingRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void clearingAHitTakesTwoOfficers() {
        WatchlistHit h = hit();
        refused(() -> h.proposeClear(EMBASSY), FindingRefusedException.Reason.ROLE_NOT_PERMITTED);
        refused(() -> h.clear(FIRST), FindingRefusedException.Reason.ILLEGAL_STATUS);
        h.proposeClear(FIRST);
        assertThat(h.status()).isEqualTo(WatchlistHit.Status.CLEAR_PROPOSED);
        assertThat(h.proposedBy()).isEqualTo("vetting1");
        assertThat(h.holds()).isTrue();
        assertThat(h.decided()).isEqualTo(new FindingDecided(h.caseId(), "HIT", 7, "PROPOSE_CLEAR", "OPEN",
                "CLEAR_PROPOSED", "vetting1", "VETTING_OFFICER", h.decided().at()));
        refused(() -> h.clear(FIRST), FindingRefusedException.Reason.FOUR_EYES);
        assertThat(h.status()).isEqualTo(WatchlistHit.Status.CLEAR_PROPOSED);
        h.clear(SECOND);
        assertThat(h.status()).isEqualTo(WatchlistHit.Status.CLEARED);
        assertThat(h.decidedBy()).isEqualTo("vetting2");
        assertThat(h.holds()).isFalse();
        assertThat(h.decided().decision()).isEqualTo("CLEAR");
        refused(() -> h.confirm(FIRST), FindingRefusedException.Reason.ILLEGAL_STATUS);
    }

    @Test
    void dismissingADuplicateTakesTwoOfficersAndLinkingOne() {
        PossibleDuplicate d = duplicate();
        d.proposeDismiss(SECOND);
        refused(() -> d.dismiss(SECOND), FindingRefusedException.Reason.FOUR_EYES);
        d.dismiss(FIRST);
        assertThat(d.status()).isEqualTo(PossibleDuplicate.Status.DISMISSED);
        assertThat(d.decided()).isEqualTo(new FindingDecided(d.caseId(), "DUPLICATE", 9, "DISMISS",
                "DISMISS_PROPOSED", "DISMISSED", "vetting1", "VETTING_OFFICER", d.decided().at()));
        refused(() -> d.link(FIRST), FindingRefusedException.Reason.ILLEGAL_STATUS);

        PossibleDuplicate linked = duplicate();
        linked.link(FIRST);
        assertThat(linked.status()).isEqualTo(PossibleDuplicate.Status.LINKED);
        assertThat(linked.decidedBy()).isEqualTo("vetting1");
        assertThat(linked.holds()).isFalse();
    }
}
