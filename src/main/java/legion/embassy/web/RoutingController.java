package legion.embassy.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.Officers;
import legion.access.SignInGuard;
import legion.embassy.Embassies;
import legion.embassy.RouteRefusedException;

/** Administration of embassies' routing: which embassy handles volunteers residing in which country. */
@Controller
class RoutingController {

    private final Embassies embassies;
    private final Officers officers;
    private final SignInGuard guard;

    RoutingController(Embassies embassies, Officers officers, SignInGuard guard) {
        this.embassies = embassies;
        this.officers = officers;
        this.guard = guard;
    }

    @GetMapping("/console/admin")
    String admin(Model model) {
        model.addAttribute("embassies", embassies.all());
        model.addAttribute("routes", embassies.routes());
        model.addAttribute("officers", officers.all());
        model.addAttribute("alerts", guard.openAlerts());
        return "console/admin";
    }

    @PostMapping("/console/admin/routes")
    String route(Authentication auth, @RequestParam String country, @RequestParam String embassy,
                 RedirectAttributes redirect) {
        var actor = Officers.actorOf(auth).orElseThrow();
        String code = country.strip().toUpperCase();
        try {
            embassies.changeRoute(actor, code, embassy);
            redirect.addFlashAttribute("flash", "admin.routing.changed");
        } catch (RouteRefusedException e) {
            // a key of the bundles for the page, not the exception's English text
            redirect.addFlashAttribute("problem", switch (e.reason()) {
                case UNKNOWN_COUNTRY -> "admin.routing.unknownCountry";
                case UNKNOWN_EMBASSY -> "admin.routing.unknownEmbassy";
            });
        }
        return "redirect:/console/admin";
    }
}
