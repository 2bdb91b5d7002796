package legion.arms.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.arms.reconcile.BadInputException;
import legion.arms.register.ArmsSupervision;
import legion.arms.register.MartialLaw;
import legion.arms.register.OverdueHolders;
import legion.shared.Actor;
import legion.shared.BoundedUpload;
import legion.shared.InvalidInputException;
import legion.shared.Role;

/**
 * The registry supervisors' and administrators' pages of the arms register: anomalies and the queue of journal
 * findings (journals uploaded here, reconciled by the engine of {@code arms-reconcile}), overdue holders once martial
 * law has ended, and the administrator's record of that end.
 */
@Controller
class ArmsSupervisorConsole {

    private final ArmsSupervision supervision;
    private final MartialLaw martialLaw;
    private final OverdueHolders overdue;

    ArmsSupervisorConsole(ArmsSupervision supervision, MartialLaw martialLaw, OverdueHolders overdue) {
        this.supervision = supervision;
        this.martialLaw = martialLaw;
        this.overdue = overdue;
    }

    @GetMapping("/console/arms/anomalies")
    String anomalies(Authentication auth, Model model) {
        Actor a = ArmsConsole.actor(auth, Role.REGISTRY_SUPERVISOR);
        model.addAttribute("anomalies", supervision.anomalies(a));
        model.addAttribute("open", supervision.queue(a, false));
        model.addAttribute("resolved", supervision.queue(a, true));
        return "console/arms-anomalies";
    }

    @PostMapping("/console/arms/journals")
    String upload(Authentication auth, @RequestParam(required = false) MultipartFile journal,
                  HttpServletRequest request, RedirectAttributes flash) throws java.io.IOException {
        Actor a = ArmsConsole.actor(auth, Role.REGISTRY_SUPERVISOR);
        if (BoundedUpload.overLimit(request, "journal")) {
            flash.addFlashAttribute("uploadProblem", "arms.journal.tooLarge"); // not kept, so nothing of it is read
            return "redirect:/console/arms/anomalies";
        }
        if (journal == null || journal.isEmpty()) {
            flash.addFlashAttribute("uploadProblem", "arms.journal.missing");
            return "redirect:/console/arms/anomalies";
        }
        try {
            flash.addFlashAttribute("upload", supervision.uploadJournal(a, journal.getOriginalFilename(),
                    journal.getBytes()));
        } catch (BadInputException e) {
            flash.addFlashAttribute("uploadError", e.getMessage()); // names file, row and column, never a value
        }
        return "redirect:/console/arms/anomalies";
    }

    @PostMapping("/console/arms/findings/{id}/resolve")
    String resolve(Authentication auth, @PathVariable String id, @RequestParam(defaultValue = "") String resolution,
                   RedirectAttributes flash) {
        Actor a = ArmsConsole.actor(auth, Role.REGISTRY_SUPERVISOR);
        try {
            flash.addFlashAttribute("flash", supervision.resolve(a, id, resolution) ? "arms.finding.resolved"
                    : "arms.finding.notOpen");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("flash", "arms.finding.resolutionRequired");
        }
        return "redirect:/console/arms/anomalies";
    }

    @GetMapping("/console/arms/overdue")
    String overdue(Authentication auth, Model model) {
        Actor a = ArmsConsole.actor(auth, Role.REGISTRY_SUPERVISOR);
        model.addAttribute("overdue", overdue.overdue(a));
        model.addAttribute("endedOn", martialLaw.endedOn().orElse(null));
        model.addAttribute("dueOn", martialLaw.dueOn().orElse(null));
        return "console/arms-overdue";
    }

    @GetMapping("/console/admin/arms")
    String martialLawPage(Authentication auth, Model model) {
        ArmsConsole.actor(auth, Role.ADMINISTRATOR);
        model.addAttribute("endedOn", martialLaw.endedOn().orElse(null));
        model.addAttribute("dueOn", martialLaw.dueOn().orElse(null));
        return "console/arms-martial-law";
    }

    @PostMapping("/console/admin/arms")
    String recordEnd(Authentication auth, @RequestParam(defaultValue = "") String endedOn, RedirectAttributes flash) {
        Actor a = ArmsConsole.actor(auth, Role.ADMINISTRATOR);
        try {
            var ended = martialLaw.recordEnd(a, LocalDate.parse(endedOn.strip()));
            flash.addFlashAttribute("done", ended);
        } catch (DateTimeParseException | InvalidInputException e) {
            flash.addFlashAttribute("problem", "arms.martialLaw.bad");
        }
        return "redirect:/console/admin/arms";
    }
}
