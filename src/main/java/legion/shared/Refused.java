package legion.shared;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that a module refuses for a reason the client can understand: the way in for every program to the one
 * place that turns exceptions into RFC 9457 problem responses and error pages ({@code web}), which therefore knows no
 * program. A module's exception extends this and says its status, title, detail and any extension properties
 * (such as {@code refusal}); the message and properties name rules, never personal data.
 */
public abstract class Refused extends RuntimeException {

    protected Refused(String message) {
        super(message);
    }

    /** The HTTP status of the problem response. */
    public abstract HttpStatus status();

    /** The problem's title: short, the same for every occurrence of the kind. */
    public abstract String title();

    /** The problem's detail; by default the message. */
    public String detail() {
        return getMessage();
    }

    /** Extension members of the problem response, in order; none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
