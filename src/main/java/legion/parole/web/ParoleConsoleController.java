package legion.parole.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.Officers;
import legion.parole.ParoleAction;
import legion.parole.ParoleCase;
import legion.parole.ParolePolicies;
import legion.parole.ParoleProblem;
import legion.parole.ParoleQueues;
import legion.parole.ParoleReference;
import legion.parole.ParoleRefusedException;
import legion.parole.ParoleWork;
import legion.parole.Referrals;
import legion.parole.ServiceEventKind;
import legion.parole.Stage;
import legion.parole.Transition;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * Program 3's console pages: the queue of each role (a prison officer's facility with its eligible-soon list), the
 * case page with everything needed for a decision and only the actions the signed-in role may take, the hand-over
 * board with the 24-hour clock, the prosecutor's referrals. The unit and position show only to the unit's
 * supervisor and HQ, as in the API.
 */
@Controller
class ParoleConsoleController {

    private final ParoleWork work;
    private final ParoleQueues queues;
    private final Referrals referrals;

    ParoleConsoleController(ParoleWork work, ParoleQueues queues, Referrals referrals) {
        this.work = work;
        this.queues = queues;
        this.referrals = referrals;
    }

    /** Rows of one page of the eligible-soon section unless {@code soonLimit} asks otherwise (1 to 500). */
    static final int ELIGIBLE_SOON_PAGE = 100;

    /**
     * A role's queue and, for a prison officer, the facility's eligible-soon section: two lists paged apart by keyset
     * ({@code after} for the queue, {@code soonAfter} for the section, as the REST list's {@code after}); each next
     * link keeps the filters and the other list's position in its URL.
     */
    @GetMapping("/console/parole")
    String queue(Authentication auth, @RequestParam(required = false) List<Stage> stage,
                 @RequestParam(required = false) String after, @RequestParam(defaultValue = "30") int days,
                 @RequestParam(required = false) String soonAfter,
                 @RequestParam(defaultValue = "" + ELIGIBLE_SOON_PAGE) int soonLimit, Model model) {
        Actor actor = actor(auth);
        if (actor.role() == Role.ANALYST) {
            return "redirect:/console/parole/reports";
        }
        after = after == null || after.isBlank() ? null : after;
        soonAfter = soonAfter == null || soonAfter.isBlank() ? null : soonAfter;
        Set<Stage> asked = stage == null || stage.isEmpty() ? Set.of() : EnumSet.copyOf(stage);
        var rows = queues.queue(actor, asked, after, 50);
        model.addAttribute("actor", actor);
        model.addAttribute("stages", ParoleQueues.queueStages(actor.role()));
        model.addAttribute("selectedStages", asked);
        model.addAttribute("rows", rows);
        model.addAttribute("after", after);
        model.addAttribute("nextAfter", rows.size() == 50 ? rows.get(rows.size() - 1).position() : null);
        model.addAttribute("days", days);
        if (actor.role() == Role.PRISON_OFFICER) {
            int page = Math.max(1, Math.min(soonLimit, ParoleQueues.MAX_ELIGIBLE_SOON_PAGE));
            var soon = queues.eligibleSoon(actor, Math.max(0, Math.min(days, ParoleQueues.MAX_ELIGIBLE_SOON_DAYS)),
                    soonAfter, page);
            model.addAttribute("eligibleSoon", soon);
            model.addAttribute("soonAfter", soonAfter);
            model.addAttribute("soonLimit", page);
            model.addAttribute("soonNext", soon.size() == page ? soon.get(soon.size() - 1).position() : null);
        }
        if (actor.role() == Role.PROSECUTOR || actor.role() == Role.ADMINISTRATOR) {
            model.addAttribute("referrals", referrals.open(actor, 200));
        }
        return "console/parole-queue";
    }

    @GetMapping("/console/parole/cases/{reference}")
    String show(Authentication auth, @PathVariable String reference, Model model) {
        Actor actor = actor(auth);
        ParoleCase c = work.open(actor, parse(reference));
        model.addAttribute("actor", actor);
        model.addAttribute("c", c);
        model.addAttribute("v", c.convict());
        model.addAttribute("actions", work.actions(actor, c).stream()
                .filter(t -> t != Transition.REPORT_ABSENCE && t != Transition.DISCHARGE).toList());
        model.addAttribute("eventKinds", work.serviceEventKinds(actor, c));
        model.addAttribute("seeService", c.maySeeService(actor));
        model.addAttribute("seeCommanderUnit", c.maySeeCommanderUnit(actor));
        model.addAttribute("seeEvents", c.maySeeService(actor) || actor.role() == Role.PROSECUTOR);
        model.addAttribute("caseReferrals", actor.role() == Role.PROSECUTOR || actor.role() == Role.ADMINISTRATOR
                ? referrals.of(c.reference()) : List.of());
        model.addAttribute("screening", work.screening(actor, c).orElse(null));
        model.addAttribute("now", work.instant());
        model.addAttribute("today", LocalDate.ofInstant(work.instant(), ParolePolicies.LEGAL_ZONE));
        return "console/parole-case";
    }

    @PostMapping("/console/parole/cases/{reference}/actions")
    String act(Authentication auth, @PathVariable String reference, @RequestParam Transition transition,
               @RequestParam(required = false) String reason, @RequestParam(required = false) Long expectedVersion,
               @RequestParam(required = false) String witness, @RequestParam(required = false) String unit,
               @RequestParam(required = false) String position, @RequestParam(required = false) String court,
               @RequestParam(required = false) String caseNumber,
               @RequestParam(required = false) String effectiveAt,
               @RequestParam(required = false) String authority,
               @RequestParam(required = false) String authorityReference,
               @RequestParam(required = false) String decidedOn, RedirectAttributes redirect) {
        Actor actor = actor(auth);
        ParoleReference ref = parse(reference);
        return onCase(ref, redirect, "parole.transition." + transition.name(), () -> {
            ParoleAction action = new ParoleAction(transition, reason, expectedVersion, witness, unit, position,
                    caseNumber == null && effectiveAt == null ? null
                            : new ParoleAction.RulingFacts(court, caseNumber, kyiv(effectiveAt)),
                    authority == null && authorityReference == null ? null
                            : new ParoleAction.AuthorityFacts(authority, authorityReference, day(decidedOn)));
            work.act(actor, ref, action);
        });
    }

    @PostMapping("/console/parole/cases/{reference}/service-events")
    String serviceEvent(Authentication auth, @PathVariable String reference, @RequestParam ServiceEventKind kind,
                        @RequestParam(required = false) String occurredOn,
                        @RequestParam(required = false) String offence,
                        @RequestParam(required = false) String details, @RequestParam(required = false) String reason,
                        @RequestParam(required = false) Long expectedVersion, RedirectAttributes redirect) {
        Actor actor = actor(auth);
        ParoleReference ref = parse(reference);
        return onCase(ref, redirect, "parole.kind." + kind.name(), () ->
                work.recordServiceEvent(actor, ref, kind, day(occurredOn), offence, details, reason, expectedVersion));
    }

    /**
     * Does one thing to a case and goes back to its page: done (the flash names {@code doneArg}), refused by a rule
     * (the refusal named), or bad input; a case outside the officer's scope stays a 404.
     */
    private static String onCase(ParoleReference ref, RedirectAttributes redirect, String doneArg, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("flash", "parole.case.done");
            redirect.addFlashAttribute("flashArg", doneArg);
        } catch (ParoleRefusedException e) {
            if (e.refusal() == ParoleRefusedException.Refusal.OUT_OF_SCOPE) {
                throw e;
            }
            redirect.addFlashAttribute("problem", "parole.refusal." + e.refusal().name());
        } catch (ParoleProblem e) {
            redirect.addFlashAttribute("problem", "parole.problem.invalid");
        }
        return "redirect:/console/parole/cases/" + ref.value();
    }

    @PostMapping("/console/parole/referrals/{id}/close")
    String closeReferral(Authentication auth, @PathVariable java.util.UUID id,
                         @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            referrals.close(actor(auth), id, reason);
            redirect.addFlashAttribute("flash", "parole.referral.closed");
        } catch (ParoleRefusedException e) {
            redirect.addFlashAttribute("problem", "parole.refusal." + e.refusal().name());
        }
        return "redirect:/console/parole";
    }

    /** The hand-over board: released convicts waiting for the escort, the time left on the 24-hour clock. */
    @GetMapping("/console/parole/hand-overs")
    String board(Authentication auth, Model model) {
        Actor actor = actor(auth);
        Instant now = work.instant();
        model.addAttribute("actor", actor);
        model.addAttribute("now", now);
        model.addAttribute("waiting", queues.handOverBoard(actor).stream().map(w -> new BoardRow(
                w.reference().value(), w.facility(), w.due(), w.overdueSince(), clock(w.left(now)),
                w.left(now).isNegative())).toList());
        return "console/parole-hand-overs";
    }

    /** A row of the board: the clock as {@code HH:MM} left, or over by. */
    record BoardRow(String reference, String facility, Instant due, Instant flaggedAt, String clock,
                    boolean overdue) {
    }

    static String clock(Duration left) {
        Duration d = left.abs();
        return String.format("%02d:%02d", d.toHours(), d.toMinutesPart());
    }

    /** A date-time as officers enter it, read on the Kyiv clock (where the courts sit). */
    private static Instant kyiv(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(ParolePolicies.LEGAL_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ParoleProblem.invalid("not a date and time");
        }
    }

    private static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ParoleProblem.invalid("not a date");
        }
    }

    private static ParoleReference parse(String reference) {
        return ParoleReference.parse(reference).orElseThrow(ParoleProblem::notFound);
    }

    private static Actor actor(Authentication auth) {
        return Officers.actorOf(auth).orElseThrow(() -> new SecurityException("not an officer"));
    }
}
