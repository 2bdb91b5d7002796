package legion.intake.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
 * The applicant portal, after the GOV.UK Design System's patterns: a start page, one small group of questions per
 * page (with a back link and "step n of 6"), "check your answers" with a change link on every row, the confirmation.
 * The answers are kept server-side in the session. Every POST answers with a redirect (Post/Redirect/Get), errors
 * included (they travel as flash attributes), so back and refresh never resubmit and never lose an answer; the
 * confirmation page can be reloaded. Each page validates its own questions with the intake validator, the one the
 * REST API uses.
 */
@Controller
class PortalController {

    /** The pages of questions in order, each with the inputs it asks. */
    static final Map<String, List<String>> STEPS;

    static {
        Map<String, List<String>> steps = new LinkedHashMap<>();
        steps.put("name", List.of("givenNames", "surname"));
        steps.put("about", List.of("dobDay", "sex", "nationality", "countryOfResidence"));
        steps.put("passport", List.of("passportNumber", "passportIssuingCountry", "expiryDay"));
        steps.put("contact", List.of("email", "phone", "languages"));
        steps.put("service", List.of("role", "hasExperience", "years", "branch", "combatDeployments"));
        steps.put("record", List.of("criminalRecord"));
        STEPS = java.util.Collections.unmodifiableMap(steps);
    }

    static final String ANSWERS = "legion.apply.answers";
    static final String SENT = "legion.apply.sent";

    /** What the confirmation page shows after a submission, kept for the session so that it can be reloaded. */
    record Sent(String reference, String embassy) implements java.io.Serializable {
    }

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

    /** The first question (a new application when none is in progress in this session). */
    @GetMapping("/apply")
    String apply() {
        return "redirect:/apply/name";
    }

    static ApplyForm answers(HttpSession session) {
        Object kept = session.getAttribute(ANSWERS);
        if (kept instanceof ApplyForm f) {
            return f;
        }
        ApplyForm fresh = ApplyForm.empty().withIdempotencyKey(UUID.randomUUID().toString());
        session.setAttribute(ANSWERS, fresh);
        return fresh;
    }

    @GetMapping("/apply/{step:name|about|passport|contact|service|record}")
    String step(@PathVariable String step, @RequestParam(required = false) String from, HttpSession session,
                Model model, Locale locale) {
        ApplyForm form = answers(session);
        @SuppressWarnings("unchecked")
        Map<String, String> errors = model.containsAttribute("errors")
                ? (Map<String, String>) model.getAttribute("errors") : Map.of();
        List<Map<String, String>> summary = new ArrayList<>();
        errors.forEach((input, message) -> summary.add(Map.of("input", input, "message", message)));
        List<String> steps = new ArrayList<>(STEPS.keySet());
        int index = steps.indexOf(step);
        String heading = messages.getMessage("apply.group." + (step.equals("about") ? "you" : step), null, locale);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("summary", summary);
        model.addAttribute("step", step);
        model.addAttribute("number", index + 1);
        model.addAttribute("steps", steps.size());
        model.addAttribute("heading", heading);
        model.addAttribute("title", errors.isEmpty() ? heading
                : messages.getMessage("error.title", new Object[] {heading}, locale));
        model.addAttribute("back", "check".equals(from) ? "/apply/check"
                : index == 0 ? "/" : "/apply/" + steps.get(index - 1));
        model.addAttribute("from", "check".equals(from) ? "check" : null);
        model.addAttribute("countries", countryNames(locale));
        model.addAttribute("roles", ServiceRole.values());
        return "portal/apply";
    }

    /**
     * The answers of one page (or, from older clients, of every page at once): kept, then checked; on to the next
     * page (or back to "check your answers" when the page was opened from it), or back to this page with its errors.
     */
    @PostMapping({"/apply/{step:name|about|passport|contact|service|record}", "/apply", "/apply/change"})
    String answer(@PathVariable(required = false) String step, @RequestParam(required = false) String from,
                  HttpServletRequest request, HttpSession session, Locale locale, RedirectAttributes redirect) {
        ApplyForm form = answers(session).merge(request.getParameterMap());
        session.setAttribute(ANSWERS, form);
        if (request.getRequestURI().endsWith("/apply/change")) {
            return "redirect:/apply/name?from=check";
        }
        Map<String, Map<String, String>> problems = problemsByStep(form, locale);
        if (step == null) {
            return problems.isEmpty() ? "redirect:/apply/check" : toStep(problems, redirect, null);
        }
        if (problems.containsKey(step)) {
            redirect.addFlashAttribute("errors", problems.get(step));
            return "redirect:/apply/" + step + ("check".equals(from) ? "?from=check" : "");
        }
        List<String> steps = new ArrayList<>(STEPS.keySet());
        int index = steps.indexOf(step);
        if ("check".equals(from) || index == steps.size() - 1) {
            return "redirect:/apply/check";
        }
        return "redirect:/apply/" + steps.get(index + 1);
    }

    /** The first page with problems, shown with them (or without them, when {@code quietly}). */
    private static String toStep(Map<String, Map<String, String>> problems, RedirectAttributes redirect,
                                 Boolean quietly) {
        var first = problems.entrySet().iterator().next();
        if (quietly == null || !quietly) {
            redirect.addFlashAttribute("errors", first.getValue());
        }
        return "redirect:/apply/" + first.getKey();
    }

    /** The problems of the answers (the acknowledgement aside: it is asked on the check page), page by page. */
    private Map<String, Map<String, String>> problemsByStep(ApplyForm form, Locale locale) {
        ApplicationValidator.Result result = validator.validate(form.withAcknowledgement("true").toJson());
        Map<String, Map<String, String>> byStep = new LinkedHashMap<>();
        STEPS.keySet().forEach(s -> byStep.put(s, new LinkedHashMap<>()));
        if (!result.valid()) {
            for (FieldProblem p : result.problems()) {
                String input = inputOf(p.field());
                String step = STEPS.entrySet().stream().filter(e -> e.getValue().contains(input)).map(Map.Entry::getKey)
                        .findFirst().orElse("name");
                byStep.get(step).putIfAbsent(input, RequestProblems.message(p, messages, locale));
            }
        }
        byStep.values().removeIf(Map::isEmpty);
        return byStep;
    }

    @GetMapping("/apply/check")
    String check(HttpSession session, Model model, Locale locale, RedirectAttributes redirect) {
        Object kept = session.getAttribute(ANSWERS);
        if (!(kept instanceof ApplyForm form)) {
            return session.getAttribute(SENT) != null ? "redirect:/apply/confirmation" : "redirect:/apply/name";
        }
        Map<String, Map<String, String>> problems = problemsByStep(form, locale);
        if (!problems.isEmpty()) {
            return toStep(problems, redirect, true);
        }
        Applicant applicant = validator.validate(form.withAcknowledgement("true").toJson()).applicant();
        Advisory advisory = advisories.current(applicant.nationality());
        String acknowledgementError = (String) model.getAttribute("acknowledgementError");
        String heading = messages.getMessage("check.title", null, locale);
        model.addAttribute("title", acknowledgementError == null ? heading
                : messages.getMessage("error.title", new Object[] {heading}, locale));
        model.addAttribute("form", form);
        model.addAttribute("applicant", applicant);
        model.addAttribute("countries", countryNames(locale));
        model.addAttribute("dateOfBirth", date(applicant.dateOfBirth(), locale));
        model.addAttribute("expiryDate", date(applicant.passport().expiryDate(), locale));
        model.addAttribute("advisory", advisory);
        model.addAttribute("advisorySummary", advisories.summary(advisory, locale));
        model.addAttribute("acknowledgementError", acknowledgementError);
        return "portal/check";
    }

    /** A date as the volunteer's language writes it in full (11 March 1985, 11. März 1985, 11 березня 1985 р.). */
    static String date(LocalDate date, Locale locale) {
        Locale writing = legion.intake.VolunteerLanguages.writing(locale);
        return date == null ? "" : java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(writing).format(date);
    }

    @PostMapping("/apply/submit")
    String submit(HttpServletRequest request, HttpSession session, Locale locale, RedirectAttributes redirect) {
        if (session.getAttribute(ANSWERS) == null && session.getAttribute(SENT) != null) {
            return "redirect:/apply/confirmation"; // sent already (a page from the history posted again)
        }
        ApplyForm form = answers(session).merge(request.getParameterMap())
                .withAcknowledgement(request.getParameter("homeCountryLawAcknowledged"));
        session.setAttribute(ANSWERS, form.withAcknowledgement(null));
        Map<String, Map<String, String>> problems = problemsByStep(form, locale);
        if (!problems.isEmpty()) {
            return toStep(problems, redirect, null);
        }
        ApplicationValidator.Result result = validator.validate(form.toJson());
        if (!result.valid()) { // only the acknowledgement is left
            redirect.addFlashAttribute("acknowledgementError",
                    RequestProblems.message(result.problems().get(0), messages, locale));
            return "redirect:/apply/check";
        }
        String key = storedKey(form.idempotencyKey());
        Submission s;
        try {
            s = intake.submit(result.applicant(), result.judgement(), key, key == null ? null
                    : legion.shared.JsonBodies.digest(form.toJson()));
        } catch (IdempotencyConflictException e) {
            s = intake.submit(result.applicant(), result.judgement(), null, null);
        }
        session.removeAttribute(ANSWERS);
        session.setAttribute(SENT, new Sent(s.reference().value(), s.embassy().name()));
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

    /** The reference of the application sent in this session: the page can be reloaded and still shows it. */
    @GetMapping("/apply/confirmation")
    String confirmation(HttpSession session, Model model) {
        if (session.getAttribute(SENT) instanceof Sent sent) {
            model.addAttribute("reference", sent.reference());
            model.addAttribute("embassy", sent.embassy());
        }
        return "portal/confirmation";
    }

    private static String inputOf(String field) {
        String key = field.replaceAll("\\[\\d+]", "");
        if (key.isEmpty()) {
            return "givenNames";
        }
        return ApplyForm.INPUT_OF.getOrDefault(key, key);
    }

    /** Every country by code, named in the language and sorted by its collation (Å after Z in Swedish …). */
    static Map<String, String> countryNames(Locale locale) {
        com.ibm.icu.text.Collator collator = com.ibm.icu.text.Collator.getInstance(com.ibm.icu.util.ULocale.forLocale(locale));
        Map<String, String> names = new LinkedHashMap<>();
        CountryCodes.all().stream()
                .sorted(Comparator.comparing((String c) -> CountryCodes.name(c, locale), collator))
                .forEach(c -> names.put(c, CountryCodes.name(c, locale)));
        return names;
    }
}
