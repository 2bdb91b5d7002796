package legion.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problem responses (RFC 9457) for what a client sends wrong to the intake API. */
public final class RequestProblems {

    private RequestProblems() {
    }

    public static ErrorResponseException malformed(String detail) {
        return legion.shared.JsonBodies.malformed(detail);
    }

    /** 422 with {@code errors: [{field, message}]}, messages from the bundles in the given locale. */
    public static ErrorResponseException invalid(List<FieldProblem> problems, MessageSource messages, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "One or more fields are invalid.");
        p.setTitle("Invalid fields");
        p.setProperty("errors", problems.stream()
                .map(f -> Map.of("field", f.field(), "message", message(f, messages, locale)))
                .toList());
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, p, null);
    }

    /** The message for a field problem: field-specific when the bundle has one, else the generic one. */
    public static String message(FieldProblem f, MessageSource messages, Locale locale) {
        String generic = messages.getMessage("error." + f.code(), null, f.code(), locale);
        return messages.getMessage("error." + f.fieldKey() + "." + f.code(), null, generic, locale);
    }
}
