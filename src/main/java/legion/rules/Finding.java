package legion.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one named rule found about one subject: its outcome and an explanation as a message-bundle key with
 * arguments. Arguments are policy parameters (ages, months, roles), never the subject's personal data.
 *
 * @param rule       the rule's stable name, e.g. {@code age-18-60} or {@code EXCLUDED_OFFENCE}
 * @param field      the part of the subject the rule looked at (as in the program's contract, e.g. {@code dateOfBirth})
 * @param source     where the rule comes from (a law, a decree, a policy), for the people who read a verdict; may be null
 * @param detail     what exactly failed, in a stable machine form (e.g. the offence {@code 115:2.1} for
 *                   {@code EXCLUDED_OFFENCE(115:2.1)}); null when the rule name says it all
 * @param date       a day the rule found (e.g. the day from which a convict becomes eligible); may be null
 */
public record Finding(String rule, Outcome outcome, String field, String messageKey, List<String> args,
                      String source, String detail, LocalDate date) {

    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(messageKey);
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A finding without source, detail or date. */
    public Finding(String rule, Outcome outcome, String field, String messageKey, List<String> args) {
        this(rule, outcome, field, messageKey, args, null, null, null);
    }

    /** The rule with its detail as one stable id: {@code EXCLUDED_OFFENCE(115:2.1)}, or the rule name alone. */
    public String id() {
        return detail == null ? rule : rule + "(" + detail + ")";
    }

    /** This finding with where its rule comes from. */
    public Finding from(String source) {
        return new Finding(rule, outcome, field, messageKey, args, source, detail, date);
    }

    /** This finding with what exactly failed. */
    public Finding detailed(String detail) {
        return new Finding(rule, outcome, field, messageKey, args, source, detail, date);
    }

    /** This finding with the day it found. */
    public Finding on(LocalDate date) {
        return new Finding(rule, outcome, field, messageKey, args, source, detail, date);
    }

    /** The message key that names this finding's rule for people; see {@link #ruleKey(String, String)}. */
    public String ruleKey() {
        int dot = messageKey.indexOf('.');
        return ruleKey(dot < 0 ? messageKey : messageKey.substring(0, dot), rule);
    }

    /** The numbers in this finding's rule name, for its {@link #ruleKey()}. */
    public List<String> ruleArguments() {
        return ruleArguments(rule);
    }

    /**
     * The message key that names a rule for people: the program's prefix (the first part of its findings' message
     * keys), {@code .rule.} and the rule's stable name without its numbers, in camel case ({@code eligibility} and
     * {@code age-18-60}: {@code eligibility.rule.age}; {@code passport-valid-6-months}:
     * {@code eligibility.rule.passportValidMonths}). The numbers are the text's arguments, in their order.
     */
    public static String ruleKey(String prefix, String ruleName) {
        StringBuilder key = new StringBuilder(prefix).append(".rule.");
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
        return Arrays.stream(ruleName.split("-")).filter(Finding::isNumber).toList();
    }

    private static boolean isNumber(String part) {
        return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The rule is met; the message key is {@code <prefix>.pass}. */
    public static Finding pass(String rule, String field, String messagePrefix) {
        return new Finding(rule, Outcome.PASS, field, messagePrefix + ".pass", List.of());
    }

    /** A finding whose arguments are written as text. */
    public static Finding of(String rule, Outcome outcome, String field, String messageKey, Object... args) {
        return new Finding(rule, outcome, field, messageKey, Arrays.stream(args).map(String::valueOf).toList());
    }
}
