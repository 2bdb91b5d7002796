package legion.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import legion.rules.ReleaseProgram.Convict;
import legion.rules.ReleaseProgram.Parameters;

/** A policy version judges a subject of any type: findings in the rules' order, details, dates and the worst outcome. */
class PolicyVersionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private final ReleaseProgram program = new ReleaseProgram("release");
    private final PolicyVersion<Convict, Parameters> v1 = new PolicyVersion<>(1, program.defaults(),
            program.rules(program.defaults()));

    @Test
    void aRuleFindingSeveralThingsGivesOneFindingEachWithItsDetail() {
        var a = v1.evaluate(new Convict("1", List.of("258", "185:4", "115:2.1"), DAY.plusYears(1), true), DAY);
        assertThat(a.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(a.failures()).extracting(Finding::id)
                .containsExactly("EXCLUDED_OFFENCE(258)", "EXCLUDED_OFFENCE(115:2.1)");
        assertThat(a.findings()).extracting(Finding::rule)
                .containsExactly("EXCLUDED_OFFENCE", "EXCLUDED_OFFENCE", "REMAINING_TERM");
        assertThat(a.findings()).extracting(Finding::source).containsOnly("Criminal Code art. 81-1 (Law 3687-IX)");
        assertThat(v1.ruleNames()).containsExactly("EXCLUDED_OFFENCE", "REMAINING_TERM");
    }

    @Test
    void aRuleFindsADayFromWhichTheSubjectBecomesEligible() {
        var a = v1.evaluate(new Convict("2", List.of("185:4"), LocalDate.of(2032, 2, 29), true), DAY);
        assertThat(a.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(a.finding("REMAINING_TERM").orElseThrow().date()).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(a.finding("REMAINING_TERM").orElseThrow().args()).containsExactly("3");
        assertThat(a.finding("EXCLUDED_OFFENCE").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void allPassesArePass() {
        var a = v1.evaluate(new Convict("3", List.of("115:1"), LocalDate.of(2028, 3, 1), true), DAY);
        assertThat(a.outcome()).isEqualTo(Outcome.PASS);
        assertThat(a.concerns()).isEmpty();
        assertThat(a.findings()).extracting(Finding::messageKey).containsExactly("parole.pass", "parole.pass");
    }

    @Test
    void aFindingNamesItsRuleForPeopleUnderItsProgramsPrefix() {
        assertThat(Finding.of("age-18-60", Outcome.FAIL, "dateOfBirth", "eligibility.age", 18, 60).ruleKey())
                .isEqualTo("eligibility.rule.age");
        assertThat(Finding.of("EXCLUDED_OFFENCE", Outcome.FAIL, "offences", "parole.excludedOffence").ruleKey())
                .isEqualTo("parole.rule.EXCLUDED_OFFENCE");
        assertThat(new Finding("x", Outcome.PASS, "f", "k", null).id()).isEqualTo("x");
    }
}
