package legion.arms.register;

import java.util.List;

import legion.rules.Finding;

/** The arms policy refuses an issue (a 422 naming each failed rule); nothing was changed. */
public final class IssueRefusedException extends RuntimeException {

    private final int policyVersion;
    private final List<Finding> failures;

    public IssueRefusedException(int policyVersion, List<Finding> failures) {
        super("issue refused by " + failures.stream().map(Finding::rule).toList());
        this.policyVersion = policyVersion;
        this.failures = List.copyOf(failures);
    }

    public int policyVersion() {
        return policyVersion;
    }

    public List<Finding> failures() {
        return failures;
    }
}
