package legion.eligibility;

import java.time.Instant;
import java.util.List;

/**
 * What one policy version said about one case, kept forever: a case's verdicts are its eligibility history.
 *
 * @param previousOutcome the outcome of the case's verdict under the previous version it was judged by (null for
 *                        the first)
 */
public record Verdict(int policyVersion, Outcome outcome, Outcome previousOutcome, List<Finding> findings,
                      Instant evaluatedAt) {

    public List<Finding> concerns() {
        return findings.stream().filter(f -> f.outcome() != Outcome.PASS).toList();
    }
}
