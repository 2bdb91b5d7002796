package legion.review;

import org.springframework.http.HttpStatus;

import legion.shared.Refused;

/** No case with this reference is visible to the actor (whether it exists elsewhere is not said). */
public class CaseNotFoundException extends Refused {

    public CaseNotFoundException() {
        super("no such case");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String title() {
        return "Not found";
    }

    @Override
    public String detail() {
        return "No such case.";
    }
}
