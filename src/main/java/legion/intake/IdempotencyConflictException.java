package legion.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The same Idempotency-Key was used before with a different body: nothing was stored. */
public class IdempotencyConflictException extends ErrorResponseException {

    public IdempotencyConflictException() {
        super(HttpStatus.CONFLICT, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This Idempotency-Key was already used with a different request body.");
        p.setTitle("Idempotency key reused");
        return p;
    }
}
