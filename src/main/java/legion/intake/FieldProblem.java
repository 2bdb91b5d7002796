package legion.intake;

/**
 * One invalid field: its path in the request ({@code passport.expiryDate}, {@code languages[2]}) and a message
 * code resolved from the message bundles as {@code error.<field>.<code>}, falling back to {@code error.<code>}.
 * Never carries the submitted value.
 */
public record FieldProblem(String field, String code) {

    /** The field path without list indexes, used to find a field-specific message. */
    public String fieldKey() {
        return field.replaceAll("\\[\\d+]", "");
    }
}
