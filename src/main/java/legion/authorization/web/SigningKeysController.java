package legion.authorization.web;

import java.security.cert.X509Certificate;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.Officers;
import legion.authorization.SigningKeysAdministration;
import legion.authorization.internal.SignerNames;

/** The administrator's page for the signing keys: signer certificates, root, revocation list, adding a signer. */
@Controller
class SigningKeysController {

    private final SigningKeysAdministration keys;

    SigningKeysController(SigningKeysAdministration keys) {
        this.keys = keys;
    }

    @GetMapping("/console/admin/keys")
    String show(Model model) {
        model.addAttribute("signers", keys.signers());
        model.addAttribute("root", keys.root());
        model.addAttribute("revocations", keys.revocations());
        return "console/keys";
    }

    @PostMapping("/console/admin/keys/signers")
    String addSigner(Authentication auth, RedirectAttributes redirect) {
        var actor = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("not an officer"));
        X509Certificate added = keys.addSigner(actor);
        redirect.addFlashAttribute("added", SignerNames.signerIdentifier(added).orElse("")
                + SignerNames.certificateReference(added));
        return "redirect:/console/admin/keys";
    }
}
