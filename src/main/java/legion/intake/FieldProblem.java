package legion.intake;

import java.util.List;

/**
 * One invalid field: its path in the request ({@code passport.expiryDate}, {@code languages[2]}) and a message
 * code resolved from the message bundles as {@code error.<field>.<code>}, falling back to {@code error.<code>}.
 * When an eligibility rule refused the application, {@code rule} names it and {@code code} is the rule's own
 * message key with {@code args} (policy parameters). Never carries the submitted value.
 */
public record FieldProblem(String field, String code, String rule, List<String> args) {

    public FieldProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public FieldProblem(String field, String code) {
        this(field, code, null, List.of());
    }

    /** A refusal by a named eligibility rule, explained by the rule's message key and arguments. */
    public static FieldProblem refusedBy(String rule, String field, String messageKey, List<String> args) {
        return new FieldProblem(field, messageKey, rule, args);
    }

    /** The field path without list indexes, used to find a field-specific message. */
    public String fieldKey() {
        return field.replaceAll("\\[\\d+]", "");
    }
}
