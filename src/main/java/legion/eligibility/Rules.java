package legion.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

import legion.enlistment.Applicant;
import legion.rules.Finding;
import legion.rules.Outcome;
import legion.shared.ServiceRole;

/** The rules a policy is made of. Each is small, named by what it checks, and explains itself. */
final class Rules {

    private Rules() {
    }

    /** Age on the day of application between min and max years, both inclusive (60 means until the 61st birthday). */
    record Age(int min, int max) implements EligibilityRule {
        public String name() {
            return "age-" + min + "-" + max;
        }

        public boolean refusesAtIntake() {
            return true;
        }

        public Finding evaluate(Applicant a, LocalDate day) {
            int age = Period.between(a.dateOfBirth(), day).getYears();
            return age >= min && age <= max ? Finding.pass(name(), "dateOfBirth", "eligibility")
                    : Finding.of(name(), Outcome.FAIL, "dateOfBirth", "eligibility.age", min, max);
        }
    }

    /** The passport is still valid the given number of months after the day of application. */
    record PassportValidity(int months) implements EligibilityRule {
        public String name() {
            return "passport-valid-" + months + "-months";
        }

        public boolean refusesAtIntake() {
            return true;
        }

        public Finding evaluate(Applicant a, LocalDate day) {
            return a.passport().expiryDate().isBefore(day.plusMonths(months))
                    ? Finding.of(name(), Outcome.FAIL, "passport.expiryDate", "eligibility.passport", months)
                    : Finding.pass(name(), "passport.expiryDate", "eligibility");
        }
    }

    /** Citizens of excluded countries are not eligible (the decree on the visa waiver excludes the aggressor state). */
    record Nationality(Set<String> excluded) implements EligibilityRule {
        public String name() {
            return "nationality-not-excluded";
        }

        public boolean refusesAtIntake() {
            return true;
        }

        public Finding evaluate(Applicant a, LocalDate day) {
            return excluded.contains(a.nationality())
                    ? Finding.of(name(), Outcome.FAIL, "nationality", "eligibility.nationality")
                    : Finding.pass(name(), "nationality", "eligibility");
        }
    }

    /** A declared criminal record or ongoing prosecution is not a refusal by itself: an officer must look at it. */
    record CriminalRecord() implements EligibilityRule {
        public String name() {
            return "criminal-record";
        }

        public Finding evaluate(Applicant a, LocalDate day) {
            return a.criminalRecord()
                    ? Finding.of(name(), Outcome.NEEDS_REVIEW, "criminalRecord", "eligibility.criminalRecord")
                    : Finding.pass(name(), "criminalRecord", "eligibility");
        }
    }

    /** The role needs military or law-enforcement experience (at least one year declared). */
    record MilitaryExperience(Set<ServiceRole> roles) implements EligibilityRule {
        public String name() {
            return "role-military-experience";
        }

        public Finding evaluate(Applicant a, LocalDate day) {
            if (!roles.contains(a.role())) {
                return Finding.pass(name(), "militaryExperience", "eligibility");
            }
            var m = a.militaryExperience();
            return m != null && m.years() > 0 ? Finding.pass(name(), "militaryExperience", "eligibility")
                    : Finding.of(name(), Outcome.FAIL, "militaryExperience", "eligibility.militaryExperience",
                    a.role().name());
        }
    }

    /** The role needs combat experience (at least one combat deployment declared). */
    record CombatExperience(Set<ServiceRole> roles) implements EligibilityRule {
        public String name() {
            return "role-combat-experience";
        }

        public Finding evaluate(Applicant a, LocalDate day) {
            if (!roles.contains(a.role())) {
                return Finding.pass(name(), "militaryExperience.combatDeployments", "eligibility");
            }
            var m = a.militaryExperience();
            return m != null && m.combatDeployments() > 0 ? Finding.pass(name(), "militaryExperience.combatDeployments", "eligibility")
                    : Finding.of(name(), Outcome.FAIL, "militaryExperience.combatDeployments",
                    "eligibility.combatExperience", a.role().name());
        }
    }

    /**
     * The role needs English. Languages are optional on the form: English declared passes; other languages but not
     * English fail; none declared needs review (the embassy asks or tests at the interview).
     */
    record English(Set<ServiceRole> roles) implements EligibilityRule {
        public String name() {
            return "role-english";
        }

        public Finding evaluate(Applicant a, LocalDate day) {
            if (!roles.contains(a.role()) || a.languages().contains("en")) {
                return Finding.pass(name(), "languages", "eligibility");
            }
            return a.languages().isEmpty()
                    ? Finding.of(name(), Outcome.NEEDS_REVIEW, "languages", "eligibility.english.unknown", a.role().name())
                    : Finding.of(name(), Outcome.FAIL, "languages", "eligibility.english", a.role().name());
        }
    }

    /**
     * The role needs a medical qualification. The application form cannot prove one, so the case needs review: the
     * embassy verifies it from documents.
     */
    record MedicalQualification(Set<ServiceRole> roles) implements EligibilityRule {
        public String name() {
            return "role-medical-qualification";
        }

        public Finding evaluate(Applicant a, LocalDate day) {
            return roles.contains(a.role())
                    ? Finding.of(name(), Outcome.NEEDS_REVIEW, "role", "eligibility.medicalQualification", a.role().name())
                    : Finding.pass(name(), "role", "eligibility");
        }
    }
}
