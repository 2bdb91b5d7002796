package legion.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;

import legion.enlistment.EnlistmentApproved;
import legion.enlistment.EnlistmentId;
import legion.enlistment.EnlistmentReviewStarted;
import legion.enlistment.EnlistmentSubmitted;
import legion.enlistment.Reference;
import legion.enlistment.Stage;
import legion.support.TestDatabase;

/**
 * Reporting alone (Modulith bootstraps only this module): enlistment events in, reporting's own read model and counts
 * out (the submission in its own transaction, the edges asynchronously after commit), in any order and any number of
 * times.
 */
@ApplicationModuleTest(extraIncludes = "shared") // the platform's writes (Writes, GroupCommit) live there
@org.junit.jupiter.api.Tag("integration")
@ContextConfiguration(initializers = TestDatabase.class)
class CaseCountsTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FlowReport report;

    @Test
    void aSubmittedCaseIsCountedThenMovesWithItsEdges(Scenario scenario) {
        EnlistmentId id = EnlistmentId.random();
        Reference ref = Reference.random();
        scenario.publish(new EnlistmentSubmitted(id, ref, "GB", "LT", "INFANTRY", T0))
                .andWaitForStateChange(() -> row(id))
                .andVerify(row -> assertThat(row).isEqualTo("SUBMITTED GB LT INFANTRY"));
        scenario.publish(new EnlistmentReviewStarted(id, ref, "GB", Stage.SUBMITTED, "embassy-gb", "EMBASSY_OFFICER",
                        T0.plusSeconds(60)))
                .andWaitForStateChange(() -> row(id), r -> r.startsWith("IN_REVIEW"))
                .andVerify(row -> assertThat(row).isEqualTo("IN_REVIEW GB LT INFANTRY"));
        assertThat(report.byStage().get("IN_REVIEW").count()).isEqualTo(1);
        assertThat(report.byStage().get("IN_REVIEW").shown()).isEqualTo("<5");
        assertThat(report.byNationality().get("LT").count()).isEqualTo(1);
    }

    @Test
    void anEdgeThatOvertakesTheSubmissionAndALateOldEventChangeNothingWrong(Scenario scenario) {
        EnlistmentId id = EnlistmentId.random();
        Reference ref = Reference.random();
        scenario.publish(new EnlistmentApproved(id, ref, "US", Stage.VETTING, "vetting1", "VETTING_OFFICER",
                        T0.plusSeconds(600)))
                .andWaitForStateChange(() -> row(id))
                .andVerify(row -> assertThat(row).isEqualTo("APPROVED US null null"));
        // the submission arrives late: it fills in nationality and role, and does not move the stage back
        scenario.publish(new EnlistmentSubmitted(id, ref, "US", "PL", "MEDIC", T0))
                .andWaitForStateChange(() -> row(id), r -> r.endsWith("MEDIC"))
                .andVerify(row -> assertThat(row).isEqualTo("APPROVED US PL MEDIC"));
        // an older edge delivered again is ignored (two edges went through the registry: the submission does not)
        scenario.publish(new EnlistmentReviewStarted(id, ref, "US", Stage.SUBMITTED, "embassy-us", "EMBASSY_OFFICER",
                        T0.plusSeconds(60)))
                .andWaitForStateChange(() -> completed(ref), n -> n == 2)
                .andVerify(n -> assertThat(row(id)).isEqualTo("APPROVED US PL MEDIC"));
    }

    /** Deliveries of this case's events to reporting that completed (from the event publication registry). */
    private long completed(Reference ref) {
        return jdbc.sql("select count(*) from event_publication where listener_id like '%CaseCounts%' "
                + "and serialized_event like ? and completion_date is not null").param("%" + ref.value() + "%")
                .query(Long.class).single();
    }

    private String row(EnlistmentId id) {
        return jdbc.sql("select stage, embassy_code, nationality, service_role from reporting_case where enlistment_id = ?")
                .param(id.value())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
                .optional().orElse(null);
    }

}
