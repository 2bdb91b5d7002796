package legion.eligibility;

import static legion.eligibility.RulesTest.DAY;
import static legion.eligibility.RulesTest.applicant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import legion.enlistment.Applicant.MilitaryExperience;
import legion.rules.Outcome;
import legion.rules.Finding;
import legion.shared.ServiceRole;

/** The policy as a whole: the shipped default, the worst outcome wins, refusals at intake, a stricter version. */
class EligibilityPolicyTest {

    final EligibilityPolicy shipped = new EligibilityPolicy(1, PolicyParameters.defaults(Set.of("RU")));

    @Test
    void theShippedPolicyIsMadeOfNamedRules() {
        assertThat(shipped.ruleNames()).containsExactly("age-18-60", "passport-valid-6-months",
                "nationality-not-excluded", "criminal-record", "role-military-experience", "role-combat-experience",
                "role-english", "role-medical-qualification");
    }

    @Test
    void anExperiencedInfantryVolunteerPasses() {
        var a = shipped.evaluate(applicant(LocalDate.of(1982, 3, 11), DAY.plusYears(5), "GB", ServiceRole.INFANTRY,
                new MilitaryExperience(4, "Army", 1), List.of("en"), false), DAY);
        assertThat(a.outcome()).isEqualTo(Outcome.PASS);
        assertThat(a.policyVersion()).isEqualTo(1);
        assertThat(a.concerns()).isEmpty();
        assertThat(a.refusals()).isEmpty();
    }

    @Test
    void needsReviewWhenARecordIsDeclaredOrAMedicalQualificationMustBeVerified() {
        var record = shipped.evaluate(applicant(LocalDate.of(1982, 3, 11), DAY.plusYears(5), "GB", ServiceRole.COOK,
                null, List.of(), true), DAY);
        assertThat(record.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(record.concerns()).extracting(Finding::rule).containsExactly("criminal-record");
        assertThat(record.refusals()).isEmpty();
        var medic = shipped.evaluate(applicant(LocalDate.of(1982, 3, 11), DAY.plusYears(5), "GB",
                ServiceRole.COMBAT_MEDIC, null, List.of(), false), DAY);
        assertThat(medic.concerns()).extracting(Finding::rule).containsExactly("role-medical-qualification");
    }

    @Test
    void failuresOfAgePassportAndNationalityRefuseAtIntakeAndTheWorstOutcomeWins() {
        var a = shipped.evaluate(applicant(DAY.minusYears(16), DAY.plusMonths(2), "RU", ServiceRole.INFANTRY, null,
                List.of(), true), DAY);
        assertThat(a.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(a.refusals()).extracting(Finding::rule)
                .containsExactly("age-18-60", "passport-valid-6-months", "nationality-not-excluded");
        assertThat(a.concerns()).extracting(Finding::rule).contains("criminal-record");
    }

    @Test
    void aStricterVersionMakesInfantryNeedCombatExperienceAndEnglishWithoutRefusingAtIntake() {
        Map<ServiceRole, RoleRequirements> roles = new EnumMap<>(RoleCatalogue.baseRequirements());
        roles.put(ServiceRole.INFANTRY, new RoleRequirements(true, true, true, false));
        var strict = new EligibilityPolicy(2, new PolicyParameters(18, 60, 6, Set.of("RU"), roles));
        var noCombat = applicant(LocalDate.of(1982, 3, 11), DAY.plusYears(5), "GB", ServiceRole.INFANTRY,
                new MilitaryExperience(4, "Army", 0), List.of("de"), false);
        var a = strict.evaluate(noCombat, DAY);
        assertThat(a.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(a.concerns()).extracting(Finding::rule).containsExactly("role-combat-experience", "role-english");
        assertThat(a.refusals()).isEmpty();
        assertThat(shipped.evaluate(noCombat, DAY).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void parametersAreChecked() {
        assertThatThrownBy(() -> new PolicyParameters(61, 60, 6, Set.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyParameters(18, 60, 6, Set.of("XX1"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PolicyParameters(18, 60, 6, Set.of("BY", "RU"), null).requirementsOf(ServiceRole.COOK))
                .isEqualTo(RoleRequirements.NONE);
    }
}
