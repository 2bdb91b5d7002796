package legion.enlistment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import legion.shared.Role;

/**
 * The successor table of the stage machine, pinned by a literal copy: changing, adding or removing any edge, any stage
 * it leaves from, the stage it reaches, whether it needs a reason, or who may take it from where, fails this test.
 * Each row: transition, the stages it leaves from, the stage it reaches, reason required, and every
 * {@code STAGE:ROLE} pair for which {@link Transition#permits} holds.
 */
class TransitionTableTest {

    static final String[] TABLE = {
        "START_REVIEW | SUBMITTED | IN_REVIEW | false | SUBMITTED:EMBASSY_OFFICER",
        "REQUEST_INFORMATION | IN_REVIEW | INFO_REQUESTED | true | IN_REVIEW:EMBASSY_OFFICER",
        "RECEIVE_INFORMATION | INFO_REQUESTED | IN_REVIEW | false | INFO_REQUESTED:EMBASSY_OFFICER INFO_REQUESTED:VOLUNTEER",
        "INVITE_TO_INTERVIEW | IN_REVIEW | INTERVIEW | false | IN_REVIEW:EMBASSY_OFFICER",
        "RECOMMEND | INTERVIEW | VETTING | true | INTERVIEW:EMBASSY_OFFICER",
        "APPROVE | VETTING | APPROVED | false | VETTING:VETTING_OFFICER",
        "AUTHORIZE | APPROVED | AUTHORIZED | false | APPROVED:SYSTEM APPROVED:VETTING_OFFICER",
        "CONFIRM_ARRIVAL | AUTHORIZED | ARRIVED | false | AUTHORIZED:RECEPTION_OFFICER",
        "ENLIST | ARRIVED | ENLISTED | false | ARRIVED:RECEPTION_OFFICER",
        "REJECT | APPROVED INFO_REQUESTED INTERVIEW IN_REVIEW SUBMITTED VETTING | REJECTED | true | "
                + "APPROVED:VETTING_OFFICER INFO_REQUESTED:EMBASSY_OFFICER INTERVIEW:EMBASSY_OFFICER "
                + "IN_REVIEW:EMBASSY_OFFICER SUBMITTED:EMBASSY_OFFICER VETTING:VETTING_OFFICER",
        "WITHDRAW | APPROVED INFO_REQUESTED INTERVIEW IN_REVIEW SUBMITTED VETTING | WITHDRAWN | false | "
                + "APPROVED:VOLUNTEER INFO_REQUESTED:VOLUNTEER INTERVIEW:VOLUNTEER IN_REVIEW:VOLUNTEER "
                + "SUBMITTED:VOLUNTEER VETTING:VOLUNTEER",
        "REVOKE | AUTHORIZED | REVOKED | true | AUTHORIZED:VETTING_OFFICER",
    };

    @Test
    void theSuccessorTableIsExactlyThePinnedOne() {
        List<String> actual = new ArrayList<>();
        for (Transition t : Transition.values()) {
            TreeSet<String> from = new TreeSet<>();
            TreeSet<String> permitted = new TreeSet<>();
            for (Stage s : Stage.values()) {
                if (t.leavesFrom(s)) {
                    from.add(s.name());
                }
                for (Role r : Role.values()) {
                    if (t.leavesFrom(s) && t.permits(r, s)) {
                        permitted.add(s.name() + ":" + r.name());
                    }
                }
            }
            actual.add(t.name() + " | " + String.join(" ", from) + " | " + t.to() + " | " + t.reasonRequired() + " | "
                    + String.join(" ", permitted));
        }
        assertThat(actual).containsExactly(TABLE);
    }

    @Test
    void theEdgesAvailableToEachRoleInEachStageFollowTheTable() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String row : TABLE) {
            String[] cols = row.split(" \\| ");
            for (String pair : cols[4].split(" ")) {
                expected.merge(pair, cols[0], (a, b) -> a + " " + b);
            }
        }
        for (Stage s : Stage.values()) {
            for (Role r : Role.values()) {
                String edges = String.join(" ", Transition.available(s, r).stream().map(Enum::name).toList());
                assertThat(edges).as(s + " " + r).isEqualTo(expected.getOrDefault(s + ":" + r, ""));
            }
        }
        assertThat(Arrays.stream(Stage.values()).filter(Stage::isFinal).map(Enum::name))
                .containsExactly("ENLISTED", "REJECTED", "WITHDRAWN", "REVOKED");
    }
}
