package legion.eligibility;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import legion.enlistment.Applicant;
import legion.shared.ServiceRole;

/**
 * One version of the eligibility policy: its parameters turned into small named rules. Versions are immutable once
 * published; a new one is published by an administrator and every open case is judged again against it.
 */
public final class EligibilityPolicy {

    private final int version;
    private final PolicyParameters parameters;
    private final List<EligibilityRule> rules;

    public EligibilityPolicy(int version, PolicyParameters parameters) {
        this.version = version;
        this.parameters = parameters;
        this.rules = List.of(
                new Rules.Age(parameters.minAge(), parameters.maxAge()),
                new Rules.PassportValidity(parameters.minPassportValidityMonths()),
                new Rules.Nationality(parameters.excludedNationalities()),
                new Rules.CriminalRecord(),
                new Rules.MilitaryExperience(rolesWhere(parameters, RoleRequirements::militaryExperience)),
                new Rules.CombatExperience(rolesWhere(parameters, RoleRequirements::combatDeployments)),
                new Rules.English(rolesWhere(parameters, RoleRequirements::english)),
                new Rules.MedicalQualification(rolesWhere(parameters, RoleRequirements::medicalQualification)));
    }

    private static Set<ServiceRole> rolesWhere(PolicyParameters p, Predicate<RoleRequirements> required) {
        Set<ServiceRole> roles = EnumSet.noneOf(ServiceRole.class);
        for (ServiceRole r : ServiceRole.values()) {
            if (required.test(p.requirementsOf(r))) {
                roles.add(r);
            }
        }
        return roles;
    }

    public int version() {
        return version;
    }

    public PolicyParameters parameters() {
        return parameters;
    }

    /** The names of the rules in the order they are applied. */
    public List<String> ruleNames() {
        return rules.stream().map(EligibilityRule::name).toList();
    }

    /** Judges an application as of its day of application: every rule's finding and the worst outcome. */
    public Assessment evaluate(Applicant applicant, LocalDate applicationDay) {
        List<Finding> findings = rules.stream().map(r -> r.evaluate(applicant, applicationDay)).toList();
        Outcome overall = findings.stream().map(Finding::outcome).reduce(Outcome.PASS, Outcome::worst);
        List<Finding> refusals = rules.stream()
                .filter(EligibilityRule::refusesAtIntake)
                .map(r -> findings.get(rules.indexOf(r)))
                .filter(f -> f.outcome() == Outcome.FAIL)
                .toList();
        return new Assessment(version, overall, findings, refusals);
    }

    /**
     * A policy's judgement of one application.
     *
     * @param refusals the failures that refuse an application at intake (age, passport validity, nationality)
     */
    public record Assessment(int policyVersion, Outcome outcome, List<Finding> findings, List<Finding> refusals) {

        /** The findings that are not a pass: what an officer needs to read. */
        public List<Finding> concerns() {
            return findings.stream().filter(f -> f.outcome() != Outcome.PASS).toList();
        }
    }
}
