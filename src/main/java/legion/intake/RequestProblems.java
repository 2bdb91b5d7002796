package legion.intake;

import java.util.LinkedHashMap;
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

    /**
     * 422 with {@code errors: [{field, message}]}, messages from the bundles in the given locale; an error caused by
     * an eligibility rule also names the {@code rule}.
     */
    public static ErrorResponseException invalid(List<FieldProblem> problems, MessageSource messages, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "One or more fields are invalid.");
        p.setTitle("Invalid fields");
        p.setProperty("errors", problems.stream()
                .map(f -> error(f, messages, locale))
                .toList());
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, p, null);
    }

    private static Map<String, String> error(FieldProblem f, MessageSource messages, Locale locale) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("field", f.field());
        e.put("message", message(f, messages, locale));
        if (f.rule() != null) {
            e.put("rule", f.rule());
        }
        return e;
    }

    /**
     * The message for a field problem: a rule's own explanation; else field-specific when the bundle has one, else
     * the generic one.
     */
    public static String message(FieldProblem f, MessageSource messages, Locale locale) {
        if (f.rule() != null) {
            return messages.getMessage(f.code(), f.args().toArray(), f.code(), locale);
        }
        // a too-long value is told its limit ("at most 254 characters"); a field's own text names its own
        String generic = f.code().equals("length") && !f.args().isEmpty()
                ? messages.getMessage("error.length.max", f.args().toArray(), f.code(), locale)
                : messages.getMessage("error." + f.code(), null, f.code(), locale);
        return messages.getMessage("error." + f.fieldKey() + "." + f.code(), null, generic, locale);
    }
}
