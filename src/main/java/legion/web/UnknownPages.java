package legion.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Any other address under the pages' paths is not found, as an error page in the layout it belongs to
 * ({@link PageProblems}: the portal's, or the console's for a signed-in officer). Without this the static resources'
 * handler would answer such a path with a problem document meant for API clients. Every mapped page is more
 * specific than these patterns, so it wins.
 */
@Controller
class UnknownPages {

    @GetMapping({"/apply/**", "/status/**", "/console/**"})
    String unknown() {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
