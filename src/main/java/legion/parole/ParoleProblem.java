package legion.parole;

import org.springframework.http.HttpStatus;

import legion.shared.Refused;

/** A request about parole cases that cannot be served: no such case (404) or invalid fields (422). */
public class ParoleProblem extends Refused {

    private final HttpStatus status;
    private final String title;

    private ParoleProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    /** No such case, or not one the officer may see: the same answer, so references cannot be probed. */
    public static ParoleProblem notFound() {
        return new ParoleProblem(HttpStatus.NOT_FOUND, "Not found", "No such case.");
    }

    public static ParoleProblem invalid(String detail) {
        return new ParoleProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", detail);
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
