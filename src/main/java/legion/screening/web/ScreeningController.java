package legion.screening.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.Officers;
import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.screening.CaseScreening;
import legion.screening.FindingRefusedException;
import legion.shared.Actor;

/** Vetting officers' decisions on a case's screening findings, from the case page. */
@Controller
class ScreeningController {

    private final CaseScreening screening;
    private final Enlistments enlistments;

    ScreeningController(CaseScreening screening, Enlistments enlistments) {
        this.screening = screening;
        this.enlistments = enlistments;
    }

    @PostMapping("/console/cases/{reference}/hits/{id}/{decision}")
    String hit(Authentication auth, @PathVariable String reference, @PathVariable long id,
               @PathVariable String decision, RedirectAttributes redirect) {
        Actor actor = Officers.actorOf(auth).orElseThrow();
        Enlistment e = find(reference);
        decide(redirect, () -> {
            switch (decision) {
                case "confirm" -> screening.confirmHit(actor, e.id(), id);
                case "clear" -> screening.clearHit(actor, e.id(), id);
                default -> throw new IllegalArgumentException("unknown decision");
            }
        });
        return "redirect:/console/cases/" + e.reference().value();
    }

    @PostMapping("/console/cases/{reference}/duplicates/{id}/{decision}")
    String duplicate(Authentication auth, @PathVariable String reference, @PathVariable long id,
                     @PathVariable String decision, RedirectAttributes redirect) {
        Actor actor = Officers.actorOf(auth).orElseThrow();
        Enlistment e = find(reference);
        decide(redirect, () -> {
            switch (decision) {
                case "link" -> screening.decideDuplicate(actor, e.id(), id, true);
                case "dismiss" -> screening.decideDuplicate(actor, e.id(), id, false);
                default -> throw new IllegalArgumentException("unknown decision");
            }
        });
        return "redirect:/console/cases/" + e.reference().value();
    }

    private Enlistment find(String reference) {
        return Reference.parse(reference).flatMap(enlistments::findByReference)
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
    }

    private static void decide(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("screeningDone", true);
        } catch (FindingRefusedException e) {
            redirect.addFlashAttribute("screeningProblem", switch (e.reason()) {
                case FOUR_EYES -> "screening.refused.fourEyes";
                case ROLE_NOT_PERMITTED -> "screening.refused.role";
                // no such finding on this case, or decided already (by another officer in the meantime)
                case ILLEGAL_STATUS, NOT_FOUND -> "screening.refused.decided";
            });
        }
    }
}
