package legion.eligibility.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import legion.access.Officers;
import legion.eligibility.Eligibility;
import legion.rules.Publication;
import legion.rules.PolicyConflictException;
import legion.eligibility.PolicyParameters;
import legion.eligibility.PublishedPolicy;
import legion.eligibility.RoleRequirements;
import legion.shared.Actor;
import legion.shared.ServiceRole;

/**
 * The eligibility policy over REST for officers' systems (HTTP Basic): read the versions; administrators publish a
 * new one, which re-evaluates every open case and answers with whose outcome changed (references only).
 */
@RestController
@RequestMapping(path = "/api/v1/eligibility/policies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Eligibility policy")
class PoliciesApi {

    private final Eligibility eligibility;

    PoliciesApi(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    record PolicyView(int version, List<String> rules, PolicyParameters parameters, Instant publishedAt,
                      String publishedBy, String note, Instant reevaluatedAt) {
    }

    /** A new version as changes over the current one: a null field keeps its value, an unlisted role its rules. */
    record PublishRequest(Integer minAge, Integer maxAge, Integer minPassportValidityMonths,
                          Set<String> excludedNationalities, Map<ServiceRole, RoleRequirements> roles, String note) {
    }

    @Operation(summary = "Every published version, newest first")
    @GetMapping
    List<PolicyView> all(Authentication auth) {
        officer(auth);
        return eligibility.history().stream().map(PoliciesApi::view).toList();
    }

    @Operation(summary = "The version in force")
    @GetMapping("/current")
    PolicyView current(Authentication auth) {
        officer(auth);
        return view(eligibility.current());
    }

    @Operation(summary = "Publish a new version (administrators)",
            description = "Re-evaluates every open case against it; decided cases are not touched. Answers with the "
                    + "references whose outcome changed.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Publication> publish(Authentication auth, @RequestBody PublishRequest body) {
        Actor actor = officer(auth);
        PolicyParameters parameters = eligibility.current().policy().parameters().amend(body.minAge(), body.maxAge(),
                body.minPassportValidityMonths(), body.excludedNationalities(), body.roles());
        Publication p = eligibility.publish(actor, parameters, body.note());
        return ResponseEntity.created(URI.create("/api/v1/eligibility/policies/" + p.version() + "/report")).body(p);
    }

    @Operation(summary = "Whose outcome a version changed")
    @GetMapping("/{version}/report")
    Publication report(Authentication auth, @PathVariable int version) {
        officer(auth);
        return eligibility.report(version);
    }

    @ExceptionHandler(PolicyConflictException.class)
    ProblemDetail conflict(PolicyConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Conflict");
        return p;
    }

    private static PolicyView view(PublishedPolicy p) {
        return new PolicyView(p.version(), p.policy().ruleNames(), p.policy().parameters(), p.publishedAt(),
                p.publishedBy(), p.note(), p.reevaluatedAt());
    }

    private static Actor officer(Authentication auth) {
        return Officers.actorOf(auth).orElseThrow(() -> new SecurityException("not an officer"));
    }
}
