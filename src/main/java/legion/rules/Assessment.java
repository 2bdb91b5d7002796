package legion.rules;

import java.util.List;

/** A policy version's judgement of one subject: every rule's finding, in the rules' order, and the worst outcome. */
public record Assessment(int policyVersion, Outcome outcome, List<Finding> findings) {

    public Assessment {
        findings = List.copyOf(findings);
    }

    /** The findings that are not a pass: what an officer needs to read. */
    public List<Finding> concerns() {
        return findings.stream().filter(f -> f.outcome() != Outcome.PASS).toList();
    }

    /** The findings that failed. */
    public List<Finding> failures() {
        return findings.stream().filter(f -> f.outcome() == Outcome.FAIL).toList();
    }

    /** The finding of the named rule, if the policy has that rule. */
    public java.util.Optional<Finding> finding(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).findFirst();
    }
}
