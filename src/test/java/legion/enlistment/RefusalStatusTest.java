package legion.enlistment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import legion.enlistment.TransitionRefusedException.Refusal;

/** What each refusal becomes in a problem response (pinned: the API's statuses and members are a contract). */
class RefusalStatusTest {

    @Test
    void eachRefusalHasItsStatusTitleAndMember() {
        Map<Refusal, Integer> statuses = new EnumMap<>(Refusal.class);
        for (Refusal r : Refusal.values()) {
            TransitionRefusedException e = new TransitionRefusedException(r, Transition.APPROVE, "why");
            statuses.put(r, e.status().value());
            assertThat(e.title()).isEqualTo("Action refused");
            assertThat(e.detail()).isEqualTo("why");
            assertThat(e.properties()).containsExactly(Map.entry("refusal", r.name()));
        }
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
                Refusal.ILLEGAL_STAGE, 409, Refusal.HELD_BY_SCREENING, 409, Refusal.ROLE_NOT_PERMITTED, 403,
                Refusal.FOUR_EYES, 403, Refusal.OUT_OF_SCOPE, 404, Refusal.REASON_REQUIRED, 422,
                Refusal.INTERVIEW_REQUIRED, 422, Refusal.INTERVIEW_NOT_PASSED, 409));
    }

    @Test
    void aHoldNamesItselfAfterTheRefusal() {
        var e = new TransitionRefusedException(Refusal.HELD_BY_SCREENING, Transition.APPROVE, "held",
                "SCREENING_PENDING");
        assertThat(e.status().value()).isEqualTo(409);
        assertThat(e.properties()).containsExactly(Map.entry("refusal", "HELD_BY_SCREENING"),
                Map.entry("hold", "SCREENING_PENDING"));
    }

    @Test
    void aConcurrentChangeIsAConflict() {
        ConcurrentChangeException e = new ConcurrentChangeException(new Reference("LGN-0000-0000"));
        assertThat(e.status().value()).isEqualTo(409);
        assertThat(e.title()).isEqualTo("Conflict");
        assertThat(e.detail()).isEqualTo("case LGN-0000-0000 was changed by someone else; reload and try again");
        assertThat(e.properties()).isEmpty();
    }
}
