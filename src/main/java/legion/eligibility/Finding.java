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

    /** The message key that names this finding's rule for people; see {@link #ruleKey(String)}. */
    public String ruleKey() {
        return ruleKey(rule);
    }

    /** The numbers in this finding's rule name, for its {@link #ruleKey()}. */
    public List<String> ruleArguments() {
        return ruleArguments(rule);
    }

    /**
     * The message key that names a rule for people: {@code eligibility.rule.} and the rule's stable name without its
     * numbers, in camel case ({@code age-18-60}: {@code eligibility.rule.age}; {@code passport-valid-6-months}:
     * {@code eligibility.rule.passportValidMonths}). The numbers are the text's arguments, in their order.
     */
    public static String ruleKey(String ruleName) {
        StringBuilder key = new StringBuilder("eligibility.rule.");
        boolean first = true;
        for (String part : ruleName.split("-")) {
            if (part.isEmpty() || isNumber(part)) {
                continue;
            }
            key.append(first ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
            first = false;
        }
        return key.toString();
    }

    /** The numbers in a rule's stable name, in their order ({@code age-18-60}: 18, 60). */
    public static List<String> ruleArguments(String ruleName) {
        return java.util.Arrays.stream(ruleName.split("-")).filter(Finding::isNumber).toList();
    }

    private static boolean isNumber(String part) {
        return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static Finding pass(String rule, String field) {
        return new Finding(rule, Outcome.PASS, field, "eligibility.pass", List.of());
    }

    static Finding of(String rule, Outcome outcome, String field, String messageKey, Object... args) {
        return new Finding(rule, outcome, field, messageKey,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
