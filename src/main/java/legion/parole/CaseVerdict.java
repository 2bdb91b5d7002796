package legion.parole;

import java.time.LocalDate;
import java.util.Objects;

import legion.parole.policy.Outcome;
import legion.parole.policy.Verdict;

/**
 * The policy's verdict as a case keeps it: the version that judged, the outcome, the day of eligibility and the
 * failed rules as {@code parole-screen} writes them.
 */
public record CaseVerdict(int policyVersion, Outcome outcome, LocalDate eligibleFrom, String rules) {

    public CaseVerdict {
        Objects.requireNonNull(outcome);
        rules = rules == null ? "" : rules;
    }

    public static CaseVerdict of(int policyVersion, Verdict verdict) {
        return new CaseVerdict(policyVersion, verdict.outcome(), verdict.eligibleFrom(), verdict.rules());
    }
}
