package legion.advisory.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import legion.access.Officers;
import legion.advisory.Advisories;
import legion.advisory.Advisory;
import legion.advisory.AdvisoryConflictException;
import legion.advisory.AdvisoryStatus;
import legion.shared.CountryCodes;

/**
 * Home-country law advisories over REST: public reading (what the portal shows before one applies), editing by
 * administrators (HTTP Basic), each edit a new version.
 */
@RestController
@RequestMapping(path = "/api/v1/advisories", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Home-country advisories")
class AdvisoriesApi {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

    private final Advisories advisories;

    AdvisoriesApi(Advisories advisories) {
        this.advisories = advisories;
    }

    record SourceView(String description, String date, String url) {
    }

    record AdvisoryView(String country, String status, String summary, boolean onFile, int version,
                        List<SourceView> sources, Instant changedAt) {
    }

    record EditRequest(AdvisoryStatus status, String summary, List<SourceView> sources) {
    }

    @Operation(summary = "The advisory for a country",
            description = "What is publicly known about whether the country's citizens may serve in a foreign army. "
                    + "Countries without information on file answer with version 0 and the advice to consult a "
                    + "lawyer. 400 for a malformed code, 404 for a code that is no ISO 3166-1 country.")
    @GetMapping("/{country}")
    AdvisoryView current(@PathVariable String country, Locale locale) {
        return view(advisories.current(country(country)), locale);
    }

    @Operation(summary = "Every version of a country's advisory, newest first")
    @GetMapping("/{country}/versions")
    List<AdvisoryView> history(@PathVariable String country, Locale locale) {
        return advisories.history(country(country)).stream().map(a -> view(a, locale)).toList();
    }

    @Operation(summary = "Change a country's advisory (administrators)", description = "Adds a new version.")
    @PutMapping(path = "/{country}", consumes = MediaType.APPLICATION_JSON_VALUE)
    AdvisoryView edit(Authentication auth, @PathVariable String country, @RequestBody EditRequest body,
                      Locale locale) {
        var actor = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("not an officer"));
        List<Advisory.Source> sources = body.sources() == null ? List.of()
                : body.sources().stream().map(s -> new Advisory.Source(s.description(), s.date(), s.url())).toList();
        return view(advisories.edit(actor, country(country), body.status(), body.summary(), sources), locale);
    }

    @ExceptionHandler(AdvisoryConflictException.class)
    ProblemDetail conflict(AdvisoryConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Conflict");
        return p;
    }

    private AdvisoryView view(Advisory a, Locale locale) {
        return new AdvisoryView(a.country(), a.status().name(), advisories.summary(a, locale), a.onFile(),
                a.version(), a.sources().stream().map(s -> new SourceView(s.description(), s.date(), s.url())).toList(),
                a.changedAt());
    }

    /** 400 for anything but two letters; 404 for two letters that are no country. */
    private static String country(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "A country is an ISO 3166-1 alpha-2 code: two capital letters.");
        }
        if (!CountryCodes.isValid(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such country.");
        }
        return code;
    }
}
