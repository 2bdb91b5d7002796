package legion.enlistment;

import org.springframework.http.HttpStatus;

import legion.shared.Refused;

/** Someone else changed the case since it was read: the action was not applied and may be retried. */
public class ConcurrentChangeException extends Refused {

    public ConcurrentChangeException(Reference reference) {
        super("case " + reference + " was changed by someone else; reload and try again");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
