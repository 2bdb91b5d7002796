package legion.shared;

import java.util.List;

/**
 * Input refused field by field, by any module: each problem names the field (a path such as
 * {@code passport.expiryDate}) and a message code, resolved from the message bundles as {@code error.<field>.<code>},
 * else {@code error.<code>}. Never carries the submitted value. The API answers {@code 422} (RFC 9457 with
 * {@code errors: [{field, message}]}), pages show it beside the field.
 */
public class InvalidInputException extends RuntimeException {

    /** One refused field and why. */
    public record Problem(String field, String code) {
    }

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super("invalid input in " + problems.stream().map(Problem::field).toList());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String code) {
        this(List.of(new Problem(field, code)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
