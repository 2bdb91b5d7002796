package legion.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import legion.enlistment.Applicant;
import legion.enlistment.Applicant.MilitaryExperience;
import legion.enlistment.Applicant.Passport;
import legion.rules.Outcome;
import legion.rules.Finding;
import legion.shared.ServiceRole;

/** Each rule alone, without Spring: every outcome it can give, and its edges. */
class RulesTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 15);

    static Applicant applicant(LocalDate born, LocalDate passportExpiry, String nationality, ServiceRole role,
                               MilitaryExperience experience, List<String> languages, boolean criminalRecord) {
        return new Applicant("Arthur", "Dent", born, "M", nationality, nationality,
                new Passport("X1234567", nationality, passportExpiry), "a@example.org", null, languages, role,
                experience, criminalRecord, true);
    }

    static Applicant born(LocalDate born) {
        return applicant(born, DAY.plusYears(5), "GB", ServiceRole.COOK, null, List.of(), false);
    }

    static Applicant withRole(ServiceRole role, MilitaryExperience experience, List<String> languages) {
        return applicant(LocalDate.of(1990, 1, 1), DAY.plusYears(5), "GB", role, experience, languages, false);
    }

    @Test
    void ageIsJudgedOnTheDayOfApplicationFromThe18thBirthdayUntilTheDayBeforeThe61st() {
        var rule = new Rules.Age(18, 60);
        assertThat(rule.name()).isEqualTo("age-18-60");
        assertThat(rule.refusesAtIntake()).isTrue();
        assertThat(rule.evaluate(born(DAY.minusYears(18)), DAY).outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(born(DAY.minusYears(18).plusDays(1)), DAY).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rule.evaluate(born(DAY.minusYears(61).plusDays(1)), DAY).outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(born(DAY.minusYears(61)), DAY).outcome()).isEqualTo(Outcome.FAIL);
        Finding tooYoung = rule.evaluate(born(DAY.minusYears(16)), DAY);
        assertThat(tooYoung.field()).isEqualTo("dateOfBirth");
        assertThat(tooYoung.messageKey()).isEqualTo("eligibility.age");
        assertThat(tooYoung.args()).containsExactly("18", "60");
        assertThat(rule.evaluate(born(DAY.minusYears(73)), DAY).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void passportMustBeValidTheGivenMonthsAfterTheDayOfApplication() {
        var rule = new Rules.PassportValidity(6);
        assertThat(rule.name()).isEqualTo("passport-valid-6-months");
        Applicant exactly = applicant(LocalDate.of(1990, 1, 1), DAY.plusMonths(6), "GB", ServiceRole.COOK, null, List.of(), false);
        Applicant dayShort = applicant(LocalDate.of(1990, 1, 1), DAY.plusMonths(6).minusDays(1), "GB", ServiceRole.COOK, null, List.of(), false);
        assertThat(rule.evaluate(exactly, DAY).outcome()).isEqualTo(Outcome.PASS);
        Finding f = rule.evaluate(dayShort, DAY);
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.field()).isEqualTo("passport.expiryDate");
        assertThat(f.args()).containsExactly("6");
    }

    @Test
    void excludedNationalitiesFailAndTheFindingDoesNotNameTheCountry() {
        var rule = new Rules.Nationality(Set.of("RU"));
        Finding ru = rule.evaluate(applicant(LocalDate.of(1990, 1, 1), DAY.plusYears(2), "RU", ServiceRole.COOK, null, List.of(), false), DAY);
        assertThat(ru.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(ru.rule()).isEqualTo("nationality-not-excluded");
        assertThat(ru.args()).isEmpty();
        assertThat(rule.evaluate(born(LocalDate.of(1990, 1, 1)), DAY).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aDeclaredCriminalRecordNeedsReviewAndDoesNotRefuse() {
        var rule = new Rules.CriminalRecord();
        assertThat(rule.refusesAtIntake()).isFalse();
        assertThat(rule.evaluate(applicant(LocalDate.of(1990, 1, 1), DAY.plusYears(2), "GB", ServiceRole.COOK, null, List.of(), true), DAY)
                .outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(rule.evaluate(born(LocalDate.of(1990, 1, 1)), DAY).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void militaryExperienceIsRequiredOnlyOfTheRolesThatNeedIt() {
        var rule = new Rules.MilitaryExperience(Set.of(ServiceRole.INFANTRY));
        assertThat(rule.evaluate(withRole(ServiceRole.INFANTRY, null, List.of()), DAY).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rule.evaluate(withRole(ServiceRole.INFANTRY, new MilitaryExperience(0, null, 0), List.of()), DAY)
                .outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rule.evaluate(withRole(ServiceRole.INFANTRY, new MilitaryExperience(2, null, 0), List.of()), DAY)
                .outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(withRole(ServiceRole.COOK, null, List.of()), DAY).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void combatExperienceNeedsAtLeastOneDeployment() {
        var rule = new Rules.CombatExperience(Set.of(ServiceRole.INFANTRY));
        assertThat(rule.evaluate(withRole(ServiceRole.INFANTRY, new MilitaryExperience(4, "Army", 0), List.of()), DAY)
                .outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rule.evaluate(withRole(ServiceRole.INFANTRY, new MilitaryExperience(4, "Army", 1), List.of()), DAY)
                .outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(withRole(ServiceRole.INFANTRY, null, List.of()), DAY).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void englishPassesWhenDeclaredFailsWhenOtherLanguagesOnlyAndNeedsReviewWhenNoneDeclared() {
        var rule = new Rules.English(Set.of(ServiceRole.INFANTRY));
        assertThat(rule.evaluate(withRole(ServiceRole.INFANTRY, null, List.of("de", "en")), DAY).outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(withRole(ServiceRole.INFANTRY, null, List.of("de")), DAY).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rule.evaluate(withRole(ServiceRole.INFANTRY, null, List.of()), DAY).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(rule.evaluate(withRole(ServiceRole.COOK, null, List.of("de")), DAY).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aMedicalQualificationCannotBeProvenByTheFormSoMedicsNeedReview() {
        var rule = new Rules.MedicalQualification(Set.of(ServiceRole.MEDIC, ServiceRole.COMBAT_MEDIC));
        Finding medic = rule.evaluate(withRole(ServiceRole.MEDIC, null, List.of()), DAY);
        assertThat(medic.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(medic.args()).containsExactly("MEDIC");
        assertThat(rule.evaluate(withRole(ServiceRole.DRIVER, null, List.of()), DAY).outcome()).isEqualTo(Outcome.PASS);
    }
}
