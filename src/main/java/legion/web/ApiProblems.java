package legion.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import legion.shared.InvalidInputException;
import legion.shared.Refused;

/**
 * The one place where exceptions of the REST API become RFC 9457 problem responses ({@link FallbackProblems} answers
 * requests that never reached a handler, such as a wrong content type; pages have {@link PageProblems}). Client mistakes get their
 * 4xx; anything unexpected is a 500 with no details (logged by type and reference only, never personal data).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    private final org.springframework.context.MessageSource messages;

    ApiProblems(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    /** Every module's refusal, as the module describes it (status, title, detail, extension members). */
    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused e) {
        ProblemDetail p = problem(e.status(), e.title(), e.detail());
        e.properties().forEach(p::setProperty);
        return p;
    }

    /** Fields refused by a module's input rules: 422 with each field and its message from the bundles. */
    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, java.util.Locale locale) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid fields", "One or more fields are invalid.");
        p.setProperty("errors", e.problems().stream().map(f -> java.util.Map.of("field", f.field(),
                "message", message(f, locale))).toList());
        return p;
    }

    private String message(InvalidInputException.Problem f, java.util.Locale locale) {
        String generic = messages.getMessage("error." + f.code(), null, f.code(), locale);
        return messages.getMessage("error." + f.field().replaceAll("\\[\\d+]", "") + "." + f.code(), null, generic,
                locale);
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            org.springframework.security.web.firewall.RequestRejectedException.class})
    ProblemDetail badArgument(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", "A parameter is missing or not valid.");
    }

    @ExceptionHandler(SecurityException.class)
    ProblemDetail forbidden(SecurityException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.");
    }

    /**
     * The client went away or its body did not arrive in time ({@link SlowClients}, which logs it once at INFO):
     * {@code 408} for a client still listening, no error log, no stack trace.
     */
    @ExceptionHandler(org.apache.catalina.connector.ClientAbortException.class)
    ProblemDetail aborted(Exception e) {
        return problem(HttpStatus.REQUEST_TIMEOUT, "Request timeout", "The request was not received in time.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // The message may quote stored values (a database error does), so only types and the place are logged.
        LOG.error("unexpected {} in API", Failures.describe(e));
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong on our side.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request",
                "The request body could not be read as the expected JSON."));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
