package legion.intake.portal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.intake.Retention;
import legion.review.CaseFiles;
import legion.intake.VolunteerCodes;
import legion.intake.VolunteerSession;

/**
 * The volunteer's own case on the portal: reference, passport number and date of birth, then a code sent to the
 * application's email address; then the status and what the volunteer may do (download the travel authorization,
 * withdraw, erase). The same page follows the first step whether or not the details matched.
 */
@Controller
class StatusController {

    private final VolunteerCodes codes;
    private final Enlistments enlistments;
    private final Retention retention;
    private final CaseFiles files;

    StatusController(VolunteerCodes codes, Enlistments enlistments, Retention retention, CaseFiles files) {
        this.codes = codes;
        this.enlistments = enlistments;
        this.retention = retention;
        this.files = files;
    }

    @GetMapping("/status")
    String form() {
        return "portal/status";
    }

    @PostMapping("/status")
    String details(@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String passportNumber,
                   @RequestParam(defaultValue = "") String dobDay, @RequestParam(defaultValue = "") String dobMonth,
                   @RequestParam(defaultValue = "") String dobYear, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        LocalDate dob;
        try {
            dob = LocalDate.of(Integer.parseInt(dobYear.strip()), Integer.parseInt(dobMonth.strip()),
                    Integer.parseInt(dobDay.strip()));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("reference", reference);
            redirect.addFlashAttribute("invalidDate", true);
            return "redirect:/status";
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        Optional<EnlistmentId> sent = Reference.parse(reference).flatMap(r -> codes.send(r, passportNumber, dob, locale));
        // a placeholder keeps the next step identical whether or not the details matched
        VolunteerSession.pending(session, sent.orElse(new EnlistmentId(java.util.UUID.randomUUID())));
        return "redirect:/status/code";
    }

    /** Where the emailed code is entered (a refresh sends no second code: the details were posted once). */
    @GetMapping("/status/code")
    String codePage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null || VolunteerSession.pending(session).isEmpty() ? "redirect:/status" : "portal/status-code";
    }

    @PostMapping("/status/code")
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                RedirectAttributes redirect) {
        HttpSession session = request.getSession(false);
        Optional<EnlistmentId> pending = session == null ? Optional.empty() : VolunteerSession.pending(session);
        if (pending.isEmpty()) {
            return "redirect:/status";
        }
        if (!codes.verify(pending.get(), code)) {
            redirect.addFlashAttribute("failed", true);
            return "redirect:/status/code";
        }
        request.changeSessionId();
        VolunteerSession.verified(session, pending.get());
        return "redirect:/status/case";
    }

    @GetMapping("/status/case")
    String yourCase(HttpServletRequest request, Model model, Locale locale) {
        Optional<Enlistment> e = verified(request);
        if (e.isEmpty()) {
            return "redirect:/status";
        }
        Enlistment c = e.get();
        model.addAttribute("found", c.reference().value());
        model.addAttribute("stage", c.stage().name());
        model.addAttribute("updatedAt", c.updatedAt());
        model.addAttribute("canWithdraw", c.stage().isOpen());
        model.addAttribute("canErase", !c.applicant().erased() && Retention.erasable(c.stage()));
        model.addAttribute("erased", c.applicant().erased());
        model.addAttribute("maxDocumentBytes", legion.review.CaseFiles.MAX_DOCUMENT_BYTES);
        model.addAttribute("maxDocumentMegabytes", legion.review.CaseFiles.MAX_DOCUMENT_BYTES / (1024 * 1024));
        c.history().stream().filter(h -> h.transition() == legion.enlistment.Transition.REQUEST_INFORMATION)
                .reduce((a, b) -> b).ifPresent(h -> model.addAttribute("request", h.reason()));
        if (c.stage() == legion.enlistment.Stage.INTERVIEW) {
            files.latestInterview(c.id()).ifPresent(i -> {
                model.addAttribute("interviewWhen", legion.intake.VolunteerNotices.interviewTime(i, locale));
                model.addAttribute("interviewZone", i.timeZone());
                model.addAttribute("interviewMode", i.mode());
            });
        }
        return "portal/status-case";
    }

    /** Withdrawing and erasing are asked again, on a page of their own, before anything is done. */
    @GetMapping({"/status/withdraw", "/status/erase"})
    String confirm(HttpServletRequest request, Model model) {
        Optional<Enlistment> e = verified(request);
        if (e.isEmpty()) {
            return "redirect:/status";
        }
        boolean erase = request.getRequestURI().endsWith("/erase");
        boolean allowed = erase ? !e.get().applicant().erased() && Retention.erasable(e.get().stage())
                : e.get().stage().isOpen();
        if (!allowed) {
            return "redirect:/status/case";
        }
        model.addAttribute("action", erase ? "erase" : "withdraw");
        model.addAttribute("found", e.get().reference().value());
        return "portal/status-confirm";
    }

    @PostMapping({"/status/withdraw", "/status/erase"})
    String act(HttpServletRequest request, RedirectAttributes redirect) {
        Optional<EnlistmentId> id = VolunteerSession.verified(request.getSession(false));
        if (id.isEmpty()) {
            return "redirect:/status";
        }
        boolean erase = request.getRequestURI().endsWith("/erase");
        Retention.Outcome outcome = erase ? retention.erase(id.get()) : retention.withdraw(id.get());
        redirect.addFlashAttribute("outcome", (erase ? "erase." : "withdraw.") + outcome.name());
        return "redirect:/status/case";
    }

    /** The volunteer answers an information request, with an optional document. */
    @PostMapping(UploadLimit.ANSWER_FORM)
    String answer(HttpServletRequest request, @RequestParam(defaultValue = "") String answer,
                  @RequestParam(defaultValue = "OTHER") String kind,
                  @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                  RedirectAttributes redirect) throws java.io.IOException {
        Optional<EnlistmentId> id = VolunteerSession.verified(request.getSession(false));
        if (id.isEmpty()) {
            return "redirect:/status";
        }
        if (legion.shared.BoundedUpload.overLimit(request, "file")) {
            // not kept by the platform (UploadLimit): told with the limit, what they typed stays in the box
            redirect.addFlashAttribute("answerProblem",
                    "status.request.refused." + CaseFiles.RefusedUpload.Problem.FILE_TOO_LARGE.name());
            redirect.addFlashAttribute("answerProblemArguments",
                    new Object[] {CaseFiles.MAX_DOCUMENT_BYTES / (1024 * 1024)});
            redirect.addFlashAttribute("answer", answer);
            return "redirect:/status/case";
        }
        java.util.List<CaseFiles.Upload> uploads = new java.util.ArrayList<>();
        if (file != null && !file.isEmpty()) {
            CaseFiles.Kind k;
            try {
                k = CaseFiles.Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                k = CaseFiles.Kind.OTHER;
            }
            uploads.add(new CaseFiles.Upload(k, file.getContentType(), file.getBytes()));
        }
        try {
            files.answer(id.get(), answer, uploads);
            redirect.addFlashAttribute("outcome", "answer.DONE");
        } catch (CaseFiles.RefusedUpload e) {
            // the page says it from the bundles, in the volunteer's language; the exception's English is for logs
            redirect.addFlashAttribute("answerProblem", "status.request.refused." + e.problem().name());
            redirect.addFlashAttribute("answerProblemArguments", e.arguments());
            redirect.addFlashAttribute("answer", answer); // what they typed stays in the box
        }
        return "redirect:/status/case";
    }

    @PostMapping("/status/end")
    String end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/status";
    }

    private Optional<Enlistment> verified(HttpServletRequest request) {
        return VolunteerSession.verified(request.getSession(false)).flatMap(enlistments::findById);
    }
}
