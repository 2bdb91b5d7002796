package legion.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * What one named rule found: its outcome and an explanation as a message-bundle key with arguments. The field
 * names the part of the application the rule looked at (as in the intake contract, e.g. {@code dateOfBirth}).
 * Arguments are policy parameters (ages, months, roles), never the applicant's data.
 */
public record Finding(String rule, Outcome outcome, String field, String messageKey, List<String> args) {

    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(messageKey);
        args = args == null ? List.of() : List.copyOf(args);
    }

    static Finding pass(String rule, String field) {
        return new Finding(rule, Outcome.PASS, field, "eligibility.pass", List.of());
    }

    static Finding of(String rule, Outcome outcome, String field, String messageKey, Object... args) {
        return new Finding(rule, outcome, field, messageKey,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
