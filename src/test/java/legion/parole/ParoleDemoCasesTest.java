package legion.parole;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import legion.support.LegionIntegrationTest;

/**
 * {@code --legion.demo.parole-cases=true} leaves the demo facility's cases in every stage, moved through the real
 * stage machine: a release at the highest level recorded apart, an absence referred, a hand-over overdue.
 */
@LegionIntegrationTest
@TestPropertySource(properties = "legion.demo.parole-cases=true")
class ParoleDemoCasesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    HandOverClock clock;

    @Test
    void theDemoFacilityHasACaseInEveryStage() {
        Set<Stage> stages = jdbc.sql("select distinct stage from parole_case where facility = 'UA-PRISON-1'")
                .query(String.class).list().stream().map(Stage::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));
        assertThat(stages).containsExactlyInAnyOrder(Stage.values());
        assertThat(jdbc.sql("select count(*) from parole_case where facility = 'UA-PRISON-1' and authority is not null")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from parole_case where facility = 'UA-PRISON-1' and outcome = "
                + "'ELIGIBLE_FROM'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from parole_referral r join parole_case c on c.id = r.case_id "
                + "where c.facility = 'UA-PRISON-1' and r.article = '336-2'").query(Long.class).single()).isPositive();
        clock.flagOverdue();
        assertThat(jdbc.sql("select count(*) from parole_case where facility = 'UA-PRISON-1' and stage = 'RELEASED' "
                + "and overdue_flagged_at is not null").query(Long.class).single()).isPositive();
    }
}
