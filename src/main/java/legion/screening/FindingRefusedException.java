package legion.screening;

import java.util.Map;

import org.springframework.http.HttpStatus;

import legion.shared.Refused;

/** A decision on a hit or a duplicate that its rules refuse. The message names the rule, never personal data. */
public class FindingRefusedException extends Refused {

    /** Why a decision was refused. */
    public enum Reason {
        /** Only vetting officers decide screening findings. */
        ROLE_NOT_PERMITTED,
        /** The decision does not leave from the finding's status (decided already, perhaps by another officer). */
        ILLEGAL_STATUS,
        /** Four eyes: the officer who proposed clearing or dismissing may not complete it. */
        FOUR_EYES,
        /** No such finding on this case. */
        NOT_FOUND
    }

    private final Reason reason;

    public FindingRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Role and four eyes 403, decided already 409, no such finding 404. */
    @Override
    public HttpStatus status() {
        return switch (reason) {
            case ROLE_NOT_PERMITTED, FOUR_EYES -> HttpStatus.FORBIDDEN;
            case ILLEGAL_STATUS -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
    }

    @Override
    public String title() {
        return "Decision refused";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("refusal", reason.name());
    }
}
