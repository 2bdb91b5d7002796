package legion.arms.register;

import java.util.List;

import legion.rules.Finding;

/** The arms policy refuses an issue (a 422 naming each failed rule); nothing was changed. */
public final class IssueRefusedException extends legion.shared.Refused {

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

    @Override
    public org.springframework.http.HttpStatus status() {
        return org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;
    }

    @Override
    public String title() {
        return "Refused by the arms policy";
    }

    /** {@code rule} names the first failed rule; {@code rules} lists each with the field it looked at. */
    @Override
    public java.util.Map<String, Object> properties() {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("rule", failures.get(0).rule());
        p.put("rules", failures.stream().map(f -> java.util.Map.of("rule", f.rule(), "field", f.field())).toList());
        p.put("policyVersion", policyVersion);
        return p;
    }
}
