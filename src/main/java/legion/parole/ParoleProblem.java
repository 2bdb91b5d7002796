package legion.parole;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request about parole cases that cannot be served: no such case (404) or invalid fields (422). */
public class ParoleProblem extends ErrorResponseException {

    private ParoleProblem(HttpStatus status, String title, String detail) {
        super(status, body(status, title, detail), null);
    }

    private static ProblemDetail body(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    /** No such case, or not one the officer may see: the same answer, so references cannot be probed. */
    public static ParoleProblem notFound() {
        return new ParoleProblem(HttpStatus.NOT_FOUND, "Not found", "No such case.");
    }

    public static ParoleProblem invalid(String detail) {
        return new ParoleProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", detail);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
