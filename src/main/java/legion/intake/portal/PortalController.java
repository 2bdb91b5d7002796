package legion.intake.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.advisory.Advisories;
import legion.advisory.Advisory;
import legion.enlistment.Applicant;
import legion.enlistment.Reference;
import legion.intake.ApplicationValidator;
import legion.intake.FieldProblem;
import legion.intake.IdempotencyConflictException;
import legion.intake.Intake;
import legion.intake.RequestProblems;
import legion.intake.Submission;
import legion.shared.CountryCodes;
import legion.shared.ServiceRole;

/**
 * The applicant portal: start, apply (one page of grouped questions), check your answers, confirmation, status.
 * Stateless: answers travel in the form, so the back button loses nothing and no session is needed.
 */
@Controller
class PortalController {

    private final Intake intake;
    private final ApplicationValidator validator;
    private final MessageSource messages;
    private final Advisories advisories;

    PortalController(Intake intake, ApplicationValidator validator, MessageSource messages, Advisories advisories) {
        this.intake = intake;
        this.validator = validator;
        this.messages = messages;
        this.advisories = advisories;
    }

    @GetMapping("/")
    String start() {
        return "portal/start";
    }

    @GetMapping("/apply")
    String apply(Model model, Locale locale) {
        return form(ApplyForm.empty(), List.of(), model, locale);
    }

    /**
     * Validates the answers: back to the form with an error summary, or on to "check your answers", which shows the
     * advisory for the volunteer's nationality and asks for the acknowledgement (so it is not asked here).
     */
    @PostMapping("/apply")
    String check(@ModelAttribute ApplyForm form, Model model, Locale locale) {
        ApplicationValidator.Result result = validator.validate(form.withAcknowledgement("true").toJson());
        if (!result.valid()) {
            return form(form, result.problems(), model, locale);
        }
        ApplyForm withKey = form.idempotencyKey() == null || form.idempotencyKey().isBlank()
                ? form.withIdempotencyKey(UUID.randomUUID().toString()) : form;
        return checkPage(withKey, result.applicant(), null, model, locale);
    }

    private String checkPage(ApplyForm form, Applicant applicant, String acknowledgementError, Model model,
                             Locale locale) {
        Advisory advisory = advisories.current(applicant.nationality());
        model.addAttribute("form", form);
        model.addAttribute("hidden", form.asMap());
        model.addAttribute("applicant", applicant);
        model.addAttribute("countries", countryNames(locale));
        model.addAttribute("advisory", advisory);
        model.addAttribute("advisorySummary", advisories.summary(advisory, locale));
        model.addAttribute("acknowledgementError", acknowledgementError);
        return "portal/check";
    }

    /** "Change" on the check page: the form again, with every answer kept. */
    @PostMapping("/apply/change")
    String change(@ModelAttribute ApplyForm form, Model model, Locale locale) {
        return form(form, List.of(), model, locale);
    }

    @PostMapping("/apply/submit")
    String submit(@ModelAttribute ApplyForm form, Model model, Locale locale, RedirectAttributes redirect) {
        ApplicationValidator.Result result = validator.validate(form.toJson());
        if (!result.valid()) {
            boolean onlyAcknowledgement = result.problems().stream()
                    .allMatch(p -> p.field().equals("homeCountryLawAcknowledged"));
            ApplicationValidator.Result acknowledged = onlyAcknowledgement
                    ? validator.validate(form.withAcknowledgement("true").toJson()) : result;
            if (onlyAcknowledgement && acknowledged.valid()) {
                return checkPage(form, acknowledged.applicant(),
                        RequestProblems.message(result.problems().get(0), messages, locale), model, locale);
            }
            return form(form, result.problems(), model, locale);
        }
        String key = storedKey(form.idempotencyKey());
        Submission s;
        try {
            s = intake.submit(result.applicant(), key, key == null ? null
                    : legion.shared.JsonBodies.digest(form.toJson()));
        } catch (IdempotencyConflictException e) {
            s = intake.submit(result.applicant(), null, null);
        }
        redirect.addFlashAttribute("reference", s.reference().value());
        redirect.addFlashAttribute("embassy", s.embassy().name());
        return "redirect:/apply/confirmation";
    }

    /**
     * The form's key as stored: a digest under the portal's prefix, so that any key the form may carry (1–64 visible
     * ASCII characters) fits the 64-character column and never meets an API client's key; null for any other value.
     */
    static String storedKey(String formKey) {
        if (formKey == null || !formKey.matches("[\\x21-\\x7E]{1,64}")) {
            return null;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(formKey.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return "portal:" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/apply/confirmation")
    String confirmation() {
        return "portal/confirmation";
    }

    private String form(ApplyForm form, List<FieldProblem> problems, Model model, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, String>> summary = new ArrayList<>();
        for (FieldProblem p : problems) {
            String input = inputOf(p.field());
            String message = RequestProblems.message(p, messages, locale);
            if (!errors.containsKey(input)) {
                errors.put(input, message);
                summary.add(Map.of("input", input, "message", message));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("summary", summary);
        model.addAttribute("countries", countryNames(locale));
        model.addAttribute("roles", ServiceRole.values());
        return "portal/apply";
    }

    private static String inputOf(String field) {
        String key = field.replaceAll("\\[\\d+]", "");
        if (key.isEmpty()) {
            return "givenNames";
        }
        return ApplyForm.INPUT_OF.getOrDefault(key, key);
    }

    static Map<String, String> countryNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        CountryCodes.all().stream()
                .sorted(Comparator.comparing(c -> CountryCodes.name(c, locale)))
                .forEach(c -> names.put(c, CountryCodes.name(c, locale)));
        return names;
    }
}
