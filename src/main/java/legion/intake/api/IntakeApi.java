package legion.intake.api;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import legion.advisory.Advisories;
import legion.advisory.Advisory;
import legion.enlistment.Enlistment;
import legion.enlistment.Reference;
import legion.intake.ApplicationValidator;
import legion.intake.FieldProblem;
import legion.intake.Intake;
import legion.intake.RequestProblems;
import legion.intake.Submission;
import legion.shared.JsonBodies;
import tools.jackson.databind.JsonNode;

/** The public intake API (PRODUCT.md "Public intake contract"). No account; no personal data in URLs. */
@RestController
@RequestMapping("/api/v1/enlistments")
@Tag(name = "Public intake")
class IntakeApi {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final Intake intake;
    private final ApplicationValidator validator;
    private final MessageSource messages;
    private final Advisories advisories;

    IntakeApi(Intake intake, ApplicationValidator validator, MessageSource messages, Advisories advisories) {
        this.intake = intake;
        this.validator = validator;
        this.messages = messages;
        this.advisories = advisories;
    }

    record EmbassyView(String code, String name) {
    }

    record AdvisoryView(String country, String status, String summary, int version) {
    }

    record SubmissionView(String reference, String status, EmbassyView embassy, Instant submittedAt,
                          AdvisoryView legalAdvisory) {
    }

    record StatusView(String reference, String status, Instant updatedAt) {
    }

    @Operation(summary = "Apply to enlist",
            description = "Validates, routes to the embassy of the country of residence and stores the application. "
                    + "With an Idempotency-Key header a repeated request returns the first answer.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmissionView> submit(HttpServletRequest request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                          Locale locale) throws IOException {
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw RequestProblems.malformed("Idempotency-Key must be 1 to 64 visible ASCII characters.");
        }
        JsonNode body = JsonBodies.parse(JsonBodies.read(request.getInputStream(), request.getContentLengthLong()));
        String digest = key == null ? null : JsonBodies.digest(body);
        ApplicationValidator.Result result = validator.validate(body);
        Submission s;
        if (result.valid()) {
            // a key seen before is caught by its primary key when the submission stores it: Intake replays it
            s = intake.submit(result.applicant(), result.judgement(), key, digest);
        } else {
            // an earlier answer for this key still stands (or the key is a conflict) even when the body is invalid
            Optional<Submission> earlier = key == null ? Optional.empty() : intake.replay(key, digest);
            s = earlier.orElseThrow(() -> RequestProblems.invalid(result.problems(), messages, locale));
        }
        Advisory a = s.legalAdvisory();
        var view = new SubmissionView(s.reference().value(), s.status().name(),
                new EmbassyView(s.embassy().code(), s.embassy().name()), s.submittedAt(),
                new AdvisoryView(a.country(), a.status().name(), advisories.summary(a, locale), a.version()));
        var response = ResponseEntity.created(URI.create("/api/v1/enlistments/" + s.reference().value()));
        if (s.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(view);
    }

    @Operation(summary = "Status of an application",
            description = "Needs the reference, the passport number and the date of birth; 404 when any does not match.")
    @PostMapping(path = "/status", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    StatusView status(HttpServletRequest request, Locale locale) throws IOException {
        JsonNode body = JsonBodies.parse(JsonBodies.read(request.getInputStream(), request.getContentLengthLong()));
        if (!body.isObject()) {
            throw RequestProblems.invalid(List.of(new FieldProblem("", "object")), messages, locale);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String reference = text(body.get("reference"), "reference", problems);
        String passport = text(body.get("passportNumber"), "passportNumber", problems);
        String dob = text(body.get("dateOfBirth"), "dateOfBirth", problems);
        LocalDate dateOfBirth = null;
        if (dob != null) {
            try {
                dateOfBirth = LocalDate.parse(dob);
            } catch (RuntimeException e) {
                problems.add(new FieldProblem("dateOfBirth", "date"));
            }
        }
        if (!problems.isEmpty()) {
            throw RequestProblems.invalid(problems, messages, locale);
        }
        LocalDate birth = dateOfBirth;
        Optional<Enlistment> found = Reference.parse(reference).flatMap(r -> intake.status(r, passport, birth));
        Enlistment e = found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No application matches this reference, passport number and date of birth."));
        return new StatusView(e.reference().value(), e.stage().name(), e.updatedAt());
    }

    private static String text(JsonNode node, String field, List<FieldProblem> problems) {
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
            problems.add(new FieldProblem(field, "required"));
            return null;
        }
        if (!node.isString() || node.stringValue().length() > 100) {
            problems.add(new FieldProblem(field, "text"));
            return null;
        }
        return node.stringValue();
    }
}
