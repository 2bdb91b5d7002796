package legion.rules;

import java.time.Instant;
import java.util.List;

/**
 * What one policy version said about one subject, kept forever: a subject's verdicts are its history under the program's policy.
 *
 * @param previousOutcome the outcome of the subject's verdict under the previous version it was judged by (null for
 *                        the first)
 */
public record Verdict(int policyVersion, Outcome outcome, Outcome previousOutcome, List<Finding> findings,
                      Instant evaluatedAt) {

    public List<Finding> concerns() {
        return findings.stream().filter(f -> f.outcome() != Outcome.PASS).toList();
    }
}
