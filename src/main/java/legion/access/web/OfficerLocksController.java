package legion.access.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.SignInGuard;

/** Administrators unlock an officer's account and clear its sign-in alerts (listed on the administration page). */
@Controller
class OfficerLocksController {

    private final SignInGuard guard;

    OfficerLocksController(SignInGuard guard) {
        this.guard = guard;
    }

    @PostMapping("/console/admin/officers/{username}/unlock")
    String unlock(Authentication auth, @PathVariable String username, RedirectAttributes redirect) {
        try {
            guard.unlock(auth.getName(), username);
            redirect.addFlashAttribute("flash", "admin.alert.done");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "admin.alert.unknown");
        }
        return "redirect:/console/admin";
    }
}
