package legion.eligibility;

import java.time.LocalDate;
import java.util.List;

import legion.enlistment.Applicant;
import legion.rules.Finding;
import legion.rules.Outcome;
import legion.rules.PolicyVersion;

/**
 * One version of the eligibility policy: its parameters turned into small named rules. Versions are immutable once
 * published; a new one is published by an administrator and every open case is judged again against it.
 */
public final class EligibilityPolicy {

    private final PolicyVersion<Applicant, PolicyParameters> version;
    private final List<EligibilityRule> rules;

    public EligibilityPolicy(int version, PolicyParameters parameters) {
        this.rules = LegionRules.eligibilityRules(parameters);
        this.version = new PolicyVersion<>(version, parameters, List.copyOf(rules));
    }

    public int version() {
        return version.version();
    }

    public PolicyParameters parameters() {
        return version.parameters();
    }

    /** The names of the rules in the order they are applied. */
    public List<String> ruleNames() {
        return version.ruleNames();
    }

    /** The message key that names a rule of this policy for people ({@code age-18-60}: {@code eligibility.rule.age}). */
    public static String ruleKey(String ruleName) {
        return Finding.ruleKey("eligibility", ruleName);
    }

    /** Judges an application as of its day of application: every rule's finding and the worst outcome. */
    public Assessment evaluate(Applicant applicant, LocalDate applicationDay) {
        legion.rules.Assessment a = version.evaluate(applicant, applicationDay);
        java.util.Set<String> refusing = rules.stream().filter(EligibilityRule::refusesAtIntake)
                .map(EligibilityRule::name).collect(java.util.stream.Collectors.toSet());
        List<Finding> refusals = a.failures().stream().filter(f -> refusing.contains(f.rule())).toList();
        return new Assessment(a, refusals);
    }

    /**
     * A policy's judgement of one application.
     *
     * @param refusals the failures that refuse an application at intake (age, passport validity, nationality)
     */
    public record Assessment(legion.rules.Assessment judged, List<Finding> refusals) {

        public int policyVersion() {
            return judged.policyVersion();
        }

        public Outcome outcome() {
            return judged.outcome();
        }

        public List<Finding> findings() {
            return judged.findings();
        }

        /** The findings that are not a pass: what an officer needs to read. */
        public List<Finding> concerns() {
            return judged.concerns();
        }
    }
}
