package legion.review.web;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.Officers;
import legion.advisory.Advisories;
import legion.eligibility.Eligibility;
import legion.enlistment.ConcurrentChangeException;
import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments.Cursor;
import legion.enlistment.Enlistments.QueueOrder;
import legion.enlistment.Reference;
import legion.enlistment.RejectionReason;
import legion.enlistment.Stage;
import legion.enlistment.Transition;
import legion.enlistment.TransitionRefusedException;
import legion.review.CaseAction;
import legion.review.CaseNotFoundException;
import legion.review.CaseWork;
import legion.review.CaseWork.QueueFilter;
import legion.review.InterviewSlot;
import legion.shared.Actor;
import legion.shared.InvalidInputException;
import legion.shared.ServiceRole;

/** The officer console: a home page per role, the queue, the case page and its actions. */
@Controller
class ConsoleController {

    private final CaseWork cases;
    private final Eligibility eligibility;
    private final Advisories advisories;

    private final legion.screening.CaseScreening screening;
    private final legion.review.CaseFiles files;

    private final Duration serviceLevel;
    private final List<legion.review.CaseCrossings> crossings;

    ConsoleController(CaseWork cases, Eligibility eligibility, Advisories advisories,
                      legion.screening.CaseScreening screening, legion.review.CaseFiles files,
                      @org.springframework.beans.factory.annotation.Value("${legion.review.service-level:P2D}")
                      Duration serviceLevel, List<legion.review.CaseCrossings> crossings) {
        this.crossings = crossings;
        this.serviceLevel = serviceLevel;
        this.cases = cases;
        this.eligibility = eligibility;
        this.advisories = advisories;
        this.screening = screening;
        this.files = files;
    }

    @org.springframework.web.bind.annotation.GetMapping("/console/cases/{reference}/documents/{id}")
    org.springframework.http.ResponseEntity<byte[]> document(Authentication auth, @PathVariable String reference,
                                                             @PathVariable long id) {
        var d = cases.document(actor(auth), parse(reference), id);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(d.info().contentType()))
                .header("Content-Disposition", "attachment; filename=\"" + reference + "-" + id + "."
                        + d.info().contentType().substring(d.info().contentType().indexOf('/') + 1) + "\"")
                .header("Cache-Control", "no-store")
                .body(d.content());
    }

    @PostMapping("/console/cases/{reference}/interview")
    String recordInterview(Authentication auth, @PathVariable String reference, @RequestParam String outcome,
                           @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        try {
            cases.recordInterview(actor(auth), parse(reference), outcome, notes);
            redirect.addFlashAttribute("flash", "console.flash.done");
            redirect.addFlashAttribute("flashArg", "RECORD_INTERVIEW");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", invalid(e));
        } catch (IllegalArgumentException | SecurityException | TransitionRefusedException e) {
            redirect.addFlashAttribute("problem", "console.interview.refused");
        }
        return "redirect:/console/cases/" + parse(reference).value();
    }

    @GetMapping("/console")
    String home(Authentication auth) {
        Actor actor = actor(auth);
        return switch (actor.role()) {
            case EMBASSY_OFFICER, VETTING_OFFICER, RECEPTION_OFFICER -> "redirect:/console/cases";
            case ANALYST -> "redirect:/console/reports";
            case ADMINISTRATOR -> "redirect:/console/admin";
            case BORDER_GUARD -> "redirect:/console/border";
            case PRISON_OFFICER, MEDICAL_BOARD, UNIT_COMMANDER, PROSECUTOR, COURT_CLERK, ESCORT, TCC_OFFICER,
                 SUPERVISING_OFFICER -> "redirect:/console/parole";
            default -> "console/home";
        };
    }

    /** Transitions that are confirmed on a page of their own, with their reason (never one click on the case). */
    static final Set<Transition> CONFIRMED = EnumSet.of(Transition.REJECT, Transition.REVOKE);

    @GetMapping("/console/cases")
    String queue(Authentication auth, @RequestParam(required = false) List<Stage> stage,
                 @RequestParam(required = false) String nationality, @RequestParam(required = false) ServiceRole role,
                 @RequestParam(required = false) String embassy, @RequestParam(required = false) String after,
                 @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "false") boolean flagged,
                 @RequestParam(required = false) QueueOrder sort, @RequestParam(required = false) String search,
                 HttpServletRequest request, Model model) {
        Actor actor = actor(auth);
        String typed = ConsoleSearches.find(request.getSession(false), search).orElse(null);
        QueueView view = QueueView.of(stage, nationality, role, embassy, flagged, sort, typed == null ? null : search,
                typed != null);
        var page = cases.queue(actor, filter(view, typed, Cursor.decode(after).orElse(null), limit));
        model.addAttribute("page", page);
        model.addAttribute("view", view);
        model.addAttribute("searched", typed);
        model.addAttribute("searchExpired", search != null && !search.isBlank() && typed == null);
        model.addAttribute("orders", QueueOrder.values());
        model.addAttribute("flagged", flagged);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("selectedStages", view.stages());
        model.addAttribute("nationality", view.nationality());
        model.addAttribute("role", role);
        model.addAttribute("embassy", view.embassy());
        model.addAttribute("roles", ServiceRole.values());
        model.addAttribute("actor", actor);
        model.addAttribute("now", Instant.now());
        model.addAttribute("serviceLevel", serviceLevel);
        model.addAttribute("nextAfter", page.next() == null ? null : page.next().encode());
        model.addAttribute("bulk", actor.role() == legion.shared.Role.EMBASSY_OFFICER && !page.cases().isEmpty());
        return "console/cases";
    }

    private static QueueFilter filter(QueueView view, String typed, Cursor after, int limit) {
        return new QueueFilter(view.stages(), view.embassy(), view.nationality(),
                view.role() == null ? null : view.role().name(), after, limit, view.flagged(), view.sort(), typed);
    }

    /**
     * A search is posted (what was typed is personal data, kept out of URLs) and kept in the session; the queue is
     * then shown with the search's id and the filters it was typed with.
     */
    @PostMapping("/console/cases/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) List<Stage> stage,
                  @RequestParam(required = false) String nationality, @RequestParam(required = false) ServiceRole role,
                  @RequestParam(required = false) String embassy, @RequestParam(defaultValue = "false") boolean flagged,
                  @RequestParam(required = false) QueueOrder sort, HttpServletRequest request) {
        String typed = q.strip();
        if (typed.length() > 200 || legion.shared.TextRules.problem(typed, legion.shared.TextRules.Lines.ONE).isPresent()) {
            typed = ""; // nothing can match it; the queue shows the filters alone
        }
        String id = typed.isEmpty() ? null : ConsoleSearches.keep(request.getSession(), typed);
        String query = QueueView.of(stage, nationality, role, embassy, flagged, sort, id, id != null).query();
        return "redirect:/console/cases" + (query.isEmpty() ? "" : "?" + query);
    }

    /**
     * "Start review" for the cases ticked in the queue: each case on its own (scope, stage, role checked, audited);
     * the officer is told which started and which were refused and why.
     */
    @PostMapping("/console/cases/start-review")
    String startReviews(Authentication auth, @RequestParam(name = "ref", required = false) List<String> refs,
                        @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        Actor actor = actor(auth);
        List<Reference> references = new java.util.ArrayList<>();
        List<String> unreadable = new java.util.ArrayList<>();
        for (String r : refs == null ? List.<String>of() : refs.subList(0, Math.min(refs.size(), 200))) {
            Reference.parse(r).ifPresentOrElse(references::add, () -> unreadable.add(r));
        }
        var outcomes = cases.startReviews(actor, references);
        redirect.addFlashAttribute("bulkDone", outcomes.stream().filter(CaseWork.BulkOutcome::done)
                .map(o -> o.reference().value()).toList());
        redirect.addFlashAttribute("bulkRefused", outcomes.stream().filter(o -> !o.done()).toList());
        redirect.addFlashAttribute("bulkNone", references.isEmpty());
        return "redirect:/console/cases" + (QUERY.matcher(back).matches() && !back.isEmpty() ? "?" + back : "");
    }

    /** What a queue's query string may hold (the names and values {@link QueueView#query()} writes). */
    private static final java.util.regex.Pattern QUERY = java.util.regex.Pattern.compile("[A-Za-z0-9_=&%.+-]{0,1000}");

    @GetMapping("/console/cases/{reference}")
    String show(Authentication auth, @PathVariable String reference, @RequestParam(required = false) List<Stage> stage,
                @RequestParam(required = false) String nationality, @RequestParam(required = false) ServiceRole role,
                @RequestParam(required = false) String embassy, @RequestParam(defaultValue = "false") boolean flagged,
                @RequestParam(required = false) QueueOrder sort, @RequestParam(required = false) String search,
                HttpServletRequest request, Model model, java.util.Locale locale) {
        Actor actor = actor(auth);
        Enlistment e = cases.open(actor, parse(reference));
        describe(actor, e, model, locale);
        String typed = ConsoleSearches.find(request.getSession(false), search).orElse(null);
        QueueView view = QueueView.of(stage, nationality, role, embassy, flagged, sort, typed == null ? null : search,
                typed != null);
        model.addAttribute("view", view);
        model.addAttribute("neighbours", cases.neighbours(actor, e, filter(view, typed, null, 1)));
        return "console/case";
    }

    private void describe(Actor actor, Enlistment e, Model model, java.util.Locale locale) {
        model.addAttribute("c", e);
        model.addAttribute("a", e.applicant());
        if (actor.role() == legion.shared.Role.VETTING_OFFICER) {
            model.addAttribute("findings", screening.findings(e.id()));
        }
        model.addAttribute("answers", files.answers(e.id()));
        model.addAttribute("documents", files.documents(e.id()));
        model.addAttribute("interviews", files.interviews(e.id()));
        model.addAttribute("crossings", crossings.stream().flatMap(c -> c.of(e.id()).stream())
                .sorted(java.util.Comparator.comparing(legion.review.CaseCrossings.Crossing::at)).toList());
        model.addAttribute("zones", java.util.List.of("UTC", "Europe/London", "Europe/Berlin", "Europe/Warsaw",
                "Europe/Vilnius", "Europe/Riga", "Europe/Kyiv", "America/New_York", "America/Chicago",
                "America/Los_Angeles", "America/Toronto", "Australia/Sydney", "Asia/Tokyo"));
        model.addAttribute("actions", cases.availableActions(actor, e));
        model.addAttribute("confirmed", CONFIRMED);
        model.addAttribute("reasons", RejectionReason.values());
        model.addAttribute("roles", ServiceRole.values());
        model.addAttribute("actor", actor);
        model.addAttribute("verdicts", eligibility.verdicts(e.id()));
        var acknowledgement = advisories.acknowledgementOf(e.id()).orElse(null);
        var advisory = acknowledgement != null ? acknowledgement.advisory() : advisories.current(e.applicant().nationality());
        model.addAttribute("acknowledgement", acknowledgement);
        model.addAttribute("advisory", advisory);
        model.addAttribute("advisorySummary", advisories.summary(advisory, locale));
    }

    /**
     * The page of its own on which a rejection or revocation is confirmed: what the case is, the reason code (none
     * chosen beforehand) and the reason; the decision is posted from here only.
     */
    @GetMapping("/console/cases/{reference}/confirm")
    String confirm(Authentication auth, @PathVariable String reference, @RequestParam Transition transition,
                   Model model, java.util.Locale locale) {
        Actor actor = actor(auth);
        Enlistment e = cases.open(actor, parse(reference));
        if (!CONFIRMED.contains(transition) || !cases.availableActions(actor, e).contains(transition)) {
            throw new CaseNotFoundException(); // nothing to confirm here for this officer
        }
        model.addAttribute("c", e);
        model.addAttribute("a", e.applicant());
        model.addAttribute("t", transition);
        model.addAttribute("reasons", RejectionReason.values());
        model.addAttribute("actor", actor);
        return "console/confirm";
    }

    @PostMapping("/console/cases/{reference}/actions")
    String act(Authentication auth, @PathVariable String reference, @RequestParam Transition transition,
               @RequestParam(required = false) String reason, @RequestParam(required = false) RejectionReason reasonCode,
               @RequestParam(required = false) ServiceRole role, @RequestParam(required = false) String unit,
               @RequestParam(required = false) Long version, @RequestParam(required = false) String interviewMode,
               @RequestParam(required = false) String interviewDate, @RequestParam(required = false) String interviewTime,
               @RequestParam(required = false) String interviewZone, RedirectAttributes redirect) {
        Actor actor = actor(auth);
        Reference ref = parse(reference);
        try {
            InterviewSlot slot = null;
            if (transition == Transition.INVITE_TO_INTERVIEW) {
                // the same rule as the API: date, time, time zone and mode, no defaults filled in
                slot = InterviewSlot.parse(interviewDate == null || interviewTime == null || interviewDate.isBlank()
                        || interviewTime.isBlank() ? null : interviewDate.strip() + "T" + interviewTime.strip(),
                        interviewZone, interviewMode);
            }
            cases.act(actor, ref, new CaseAction(transition, reason, reasonCode, role, unit, version, slot));
            redirect.addFlashAttribute("flash", "console.flash.done");
            redirect.addFlashAttribute("flashArg", transition.name());
        } catch (TransitionRefusedException e) {
            redirect.addFlashAttribute("problem", e.hold() != null ? "console.refused.hold." + e.hold()
                    : "console.refused." + e.refusal().name());
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "console.conflict");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", invalid(e));
        }
        if (CONFIRMED.contains(transition) && redirect.getFlashAttributes().containsKey("problem")) {
            return "redirect:/console/cases/" + ref.value() + "/confirm?transition=" + transition.name();
        }
        return "redirect:/console/cases/" + ref.value();
    }

    /** The message of the first refused field ({@code console.invalid.<field>}). */
    private static String invalid(InvalidInputException e) {
        return "console.invalid." + e.problems().get(0).field();
    }

    private static Reference parse(String reference) {
        return Reference.parse(reference).orElseThrow(CaseNotFoundException::new);
    }

    private static Actor actor(Authentication auth) {
        return Officers.actorOf(auth).orElseThrow(CaseNotFoundException::new);
    }
}
