package legion.authorization.web;


import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import legion.access.Officers;
import legion.authorization.IssuedAuthorizations;
import legion.enlistment.Enlistment;
import legion.enlistment.Reference;
import legion.enlistment.Stage;
import legion.enlistment.Enlistments;
import legion.intake.VolunteerSession;
import legion.review.CaseNotFoundException;
import legion.review.CaseWork;

/**
 * The printable letter with the seal: for officers who may see the case, and for the volunteer who proves who they
 * are (reference, passport number, date of birth — posted, never in the URL). Not cached anywhere.
 */
@Controller
class AuthorizationLetters {

    private final IssuedAuthorizations issued;
    private final CaseWork cases;
    private final Enlistments enlistments;

    AuthorizationLetters(IssuedAuthorizations issued, CaseWork cases, Enlistments enlistments) {
        this.issued = issued;
        this.cases = cases;
        this.enlistments = enlistments;
    }

    @GetMapping("/console/cases/{reference}/authorization.pdf")
    ResponseEntity<byte[]> forOfficer(Authentication auth, @PathVariable String reference) {
        var actor = Officers.actorOf(auth).orElseThrow(CaseNotFoundException::new);
        Enlistment e = cases.open(actor, Reference.parse(reference).orElseThrow(CaseNotFoundException::new));
        return letter(e);
    }

    /** For the volunteer who proved the case is theirs (details and emailed code) in this browser session. */
    @PostMapping("/status/authorization.pdf")
    ResponseEntity<byte[]> forVolunteer(jakarta.servlet.http.HttpServletRequest request) {
        Enlistment e = VolunteerSession.verified(request.getSession(false)).flatMap(enlistments::findById)
                .filter(x -> x.stage() == Stage.AUTHORIZED)
                .orElseThrow(CaseNotFoundException::new);
        return letter(e);
    }

    private ResponseEntity<byte[]> letter(Enlistment e) {
        var stored = issued.find(e.id().value()).orElseThrow(CaseNotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"travel-authorization-"
                        + e.reference().value() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(stored.letter());
    }
}
