package legion.eligibility.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.Officers;
import legion.eligibility.Eligibility;
import legion.eligibility.PolicyParameters;
import legion.eligibility.RoleRequirements;
import legion.rules.PolicyConflictException;
import legion.shared.ServiceRole;

/**
 * The administrator's page for the eligibility policy: the version in force, its history, publishing a new version
 * (which re-evaluates every open case) and the report of whose outcome a version changed.
 */
@Controller
class PolicyController {

    private final Eligibility eligibility;

    PolicyController(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    @GetMapping("/console/admin/eligibility")
    String show(Model model) {
        model.addAttribute("current", eligibility.current());
        model.addAttribute("versions", eligibility.summaries());
        model.addAttribute("roles", ServiceRole.values());
        return "console/eligibility";
    }

    @GetMapping("/console/admin/eligibility/{version}")
    String report(@PathVariable int version, Model model) {
        model.addAttribute("report", eligibility.report(version));
        return show(model);
    }

    /** Role requirements come as checkboxes named {@code <ROLE>.<requirement>}. */
    @PostMapping("/console/admin/eligibility")
    String publish(Authentication auth, @RequestParam int minAge, @RequestParam int maxAge,
                   @RequestParam int minPassportValidityMonths, @RequestParam(defaultValue = "") String excluded,
                   @RequestParam(defaultValue = "") String note, @RequestParam Map<String, String> form,
                   RedirectAttributes redirect) {
        var actor = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("not an officer"));
        Map<ServiceRole, RoleRequirements> roles = new EnumMap<>(ServiceRole.class);
        for (ServiceRole r : ServiceRole.values()) {
            roles.put(r, new RoleRequirements(checked(form, r, "militaryExperience"),
                    checked(form, r, "combatDeployments"), checked(form, r, "english"),
                    checked(form, r, "medicalQualification")));
        }
        Set<String> countries = Arrays.stream(excluded.split("[,\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(String::toUpperCase).collect(Collectors.toSet());
        try {
            var p = eligibility.publish(actor, new PolicyParameters(minAge, maxAge, minPassportValidityMonths,
                    countries, roles), note);
            redirect.addFlashAttribute("flash", "eligibility.published");
            return "redirect:/console/admin/eligibility/" + p.version();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "eligibility.invalid");
        } catch (PolicyConflictException e) {
            redirect.addFlashAttribute("problem", "eligibility.conflict");
        }
        return "redirect:/console/admin/eligibility";
    }

    private static boolean checked(Map<String, String> form, ServiceRole role, String requirement) {
        return "true".equals(form.get(role.name() + "." + requirement));
    }
}
