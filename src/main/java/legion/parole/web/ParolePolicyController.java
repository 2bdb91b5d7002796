package legion.parole.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.Officers;
import legion.parole.ParolePolicies;
import legion.parole.policy.ParoleParameters;
import legion.rules.PolicyConflictException;
import legion.rules.Rule;
import legion.shared.TextRules;

/**
 * The administrator's page for the parole policy, the Legion's eligibility page's counterpart on the same fragments
 * ({@code fragments/policy.html}): the versions with their rules and legal sources, publishing a corrected version
 * (which judges every open case again) and the report of whose outcome a version changed. Bad input publishes
 * nothing. Under {@code /console/admin/}: administrators only.
 */
@Controller
class ParolePolicyController {

    static final String PATH = "/console/admin/parole-policy";

    private final ParolePolicies policies;

    ParolePolicyController(ParolePolicies policies) {
        this.policies = policies;
    }

    @GetMapping(PATH)
    String show(Model model) {
        var current = policies.current();
        model.addAttribute("current", current);
        model.addAttribute("rules", current.policy().rules().stream().map(Rule::name).toList());
        model.addAttribute("versions", policies.summaries());
        return "console/parole-policy";
    }

    @GetMapping(PATH + "/{version}")
    String report(@PathVariable int version, Model model) {
        model.addAttribute("report", policies.report(version));
        return show(model);
    }

    /** The legal sources come as fields named {@code source.<RULE>}; an empty one keeps policy v1's. */
    @PostMapping(PATH)
    String publish(Authentication auth, @RequestParam(defaultValue = "") String excludedOffences,
                   @RequestParam(defaultValue = "") String remainingTermYears,
                   @RequestParam(defaultValue = "") String note, @RequestParam Map<String, String> form,
                   RedirectAttributes redirect) {
        var actor = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("not an officer"));
        Map<String, String> sources = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("source.") && value != null && !value.isBlank()) {
                sources.put(name.substring("source.".length()), value.strip());
            }
        });
        try {
            if (!note.isBlank() && TextRules.problem(note, TextRules.Lines.MANY).isPresent()) {
                throw new IllegalArgumentException("the note has characters that are not allowed");
            }
            int years = Integer.parseInt(remainingTermYears.strip());
            var published = policies.publish(actor, new ParoleParameters(excludedOffences, years, sources), note);
            redirect.addFlashAttribute("flash", "parole.policy.published");
            return "redirect:" + PATH + "/" + published.version();
        } catch (IllegalArgumentException e) { // NumberFormatException too
            redirect.addFlashAttribute("problem", "parole.policy.invalid");
        } catch (PolicyConflictException e) {
            redirect.addFlashAttribute("problem", "parole.policy.conflict");
        }
        return "redirect:" + PATH;
    }
}
