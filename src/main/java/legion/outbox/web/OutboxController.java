package legion.outbox.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.Officers;
import legion.outbox.Outbox;

/** The administrator's view of outgoing mail: how much is in each state, what failed, and resending it. */
@Controller
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/console/admin/outbox")
    String show(Model model) {
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("attention", outbox.needingAttention(100));
        model.addAttribute("recent", outbox.recent(20));
        return "console/outbox";
    }

    @PostMapping("/console/admin/outbox/{id}/resend")
    String resend(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        var actor = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("not an officer"));
        boolean resent = outbox.resend(id, actor);
        redirect.addFlashAttribute(resent ? "flash" : "problem", resent ? "outbox.resent" : "outbox.notResent");
        return "redirect:/console/admin/outbox";
    }
}
