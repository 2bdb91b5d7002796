package legion.rules;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No policy version with this number was published (a 404 on pages and in the API). */
public class PolicyNotFoundException extends ResponseStatusException {

    public PolicyNotFoundException() {
        super(HttpStatus.NOT_FOUND, "No such policy version.");
    }
}
