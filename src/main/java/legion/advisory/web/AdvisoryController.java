package legion.advisory.web;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.Officers;
import legion.advisory.Advisories;
import legion.advisory.Advisory;
import legion.advisory.AdvisoryConflictException;
import legion.advisory.AdvisoryStatus;
import legion.shared.CountryCodes;

/** The administrator's page for home-country advisories: those on file, one country's history, and editing. */
@Controller
class AdvisoryController {

    private final Advisories advisories;

    AdvisoryController(Advisories advisories) {
        this.advisories = advisories;
    }

    @GetMapping("/console/admin/advisories")
    String show(@RequestParam(required = false) String country, Model model, Locale locale) {
        model.addAttribute("onFile", advisories.onFile());
        model.addAttribute("statuses", AdvisoryStatus.values());
        String code = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        if (code != null && CountryCodes.isValid(code)) {
            Advisory current = advisories.current(code);
            model.addAttribute("country", code);
            model.addAttribute("current", current);
            model.addAttribute("currentSummary", advisories.summary(current, locale));
            model.addAttribute("history", advisories.history(code));
        }
        return "console/advisories";
    }

    /** A new version of one country's advisory, with one source (more over the REST API). */
    @PostMapping("/console/admin/advisories")
    String edit(Authentication auth, @RequestParam String country, @RequestParam AdvisoryStatus status,
                @RequestParam String summary, @RequestParam String sourceDescription,
                @RequestParam String sourceDate, @RequestParam(defaultValue = "") String sourceUrl,
                RedirectAttributes redirect) {
        var actor = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("not an officer"));
        String code = country.strip().toUpperCase(Locale.ROOT);
        try {
            advisories.edit(actor, code, status, summary, List.of(new Advisory.Source(sourceDescription.strip(),
                    sourceDate.strip(), sourceUrl.isBlank() ? null : sourceUrl.strip())));
            redirect.addFlashAttribute("flash", "advisory.saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "advisory.invalid");
        } catch (AdvisoryConflictException e) {
            redirect.addFlashAttribute("problem", "advisory.conflict");
        }
        redirect.addAttribute("country", CountryCodes.isValid(code) ? code : null);
        return "redirect:/console/admin/advisories";
    }
}
