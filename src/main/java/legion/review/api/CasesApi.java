package legion.review.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import legion.access.Officers;
import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments.Cursor;
import legion.enlistment.HistoryEntry;
import legion.enlistment.Reference;
import legion.enlistment.RejectionReason;
import legion.enlistment.Stage;
import legion.enlistment.Transition;
import legion.review.CaseAction;
import legion.review.CaseNotFoundException;
import legion.review.CaseWork;
import legion.review.CaseWork.QueueFilter;
import legion.review.InterviewSlot;
import legion.shared.Actor;
import legion.shared.ServiceRole;

/** The officers' REST API over the same service as the console: queues, cases, transitions. */
@RestController
@Tag(name = "Officer cases")
class CasesApi {

    private final CaseWork cases;

    CasesApi(CaseWork cases) {
        this.cases = cases;
    }

    record CaseView(String reference, String status, long version, String embassy, Instant submittedAt,
                    Instant updatedAt, Applicant applicant, List<History> history, Set<Transition> actions) {
    }

    record Applicant(String givenNames, String surname, LocalDate dateOfBirth, String sex, String nationality,
                     String countryOfResidence, String passportNumber, String passportIssuingCountry,
                     LocalDate passportExpiryDate, String role, boolean criminalRecord) {
    }

    record History(int seq, String actor, String actorRole, Instant at, Stage from, Stage to, Transition transition,
                   String reasonCode, String reason) {
    }

    record QueueItem(String reference, String status, String embassy, String nationality, String role,
                     Instant submittedAt, Instant stageSince) {
    }

    record QueueView(List<QueueItem> cases, String next) {
    }

    record TransitionRequest(Transition transition, String reason, RejectionReason reasonCode, ServiceRole role,
                             String unit, Long expectedVersion, InterviewRequest interview) {
    }

    /** When and how the interview takes place: {@code at} local ({@code 2027-01-11T10:00}), an IANA zone, a mode. */
    record InterviewRequest(String at, String zone, String mode) {
    }

    /** The outcome of the scheduled interview. */
    record InterviewOutcome(String outcome, String notes) {
    }

    @GetMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    QueueView queue(Authentication auth, @RequestParam(required = false) List<Stage> stage,
                    @RequestParam(required = false) String embassy, @RequestParam(required = false) String nationality,
                    @RequestParam(required = false) ServiceRole role, @RequestParam(required = false) String after,
                    @RequestParam(defaultValue = "50") int limit) {
        Set<Stage> stages = stage == null || stage.isEmpty() ? Set.of() : EnumSet.copyOf(stage);
        var page = cases.queue(actor(auth), new QueueFilter(stages, embassy, nationality,
                role == null ? null : role.name(), Cursor.decode(after).orElse(null), limit));
        return new QueueView(page.cases().stream().map(c -> new QueueItem(c.reference().value(), c.stage().name(),
                c.embassyCode(), c.nationality(), c.serviceRole(), c.submittedAt(), c.stageSince())).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @GetMapping(path = "/api/v1/enlistments/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseView get(Authentication auth, @PathVariable String reference) {
        Actor actor = actor(auth);
        return view(actor, cases.open(actor, parse(reference)));
    }

    @PostMapping(path = "/api/v1/enlistments/{reference}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CaseView transition(Authentication auth, @PathVariable String reference, @RequestBody TransitionRequest body) {
        Actor actor = actor(auth);
        if (body == null || body.transition() == null) {
            throw new IllegalArgumentException("transition is required");
        }
        InterviewSlot slot = null;
        if (body.transition() == Transition.INVITE_TO_INTERVIEW) {
            InterviewRequest i = body.interview();
            slot = i == null ? InterviewSlot.parse(null, null, null) : InterviewSlot.parse(i.at(), i.zone(), i.mode());
        }
        Enlistment e = cases.act(actor, parse(reference), new CaseAction(body.transition(), body.reason(),
                body.reasonCode(), body.role(), body.unit(), body.expectedVersion(), slot));
        return view(actor, e);
    }

    /** Records the outcome of the case's scheduled interview; answers with the case as GET does. */
    @PostMapping(path = "/api/v1/enlistments/{reference}/interview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CaseView interview(Authentication auth, @PathVariable String reference, @RequestBody InterviewOutcome body) {
        Actor actor = actor(auth);
        if (body == null || body.outcome() == null) {
            throw new IllegalArgumentException("outcome is required");
        }
        cases.recordInterview(actor, parse(reference), body.outcome(), body.notes());
        return view(actor, cases.open(actor, parse(reference)));
    }

    private CaseView view(Actor actor, Enlistment e) {
        var a = e.applicant();
        return new CaseView(e.reference().value(), e.stage().name(), e.version(), e.embassyCode(), e.submittedAt(),
                e.updatedAt(),
                new Applicant(a.givenNames(), a.surname(), a.dateOfBirth(), a.sex(), a.nationality(),
                        a.countryOfResidence(), a.passport().number(), a.passport().issuingCountry(),
                        a.passport().expiryDate(), a.role().name(), a.criminalRecord()),
                e.history().stream().map(h -> new History(h.sequence(), h.actor(), h.actorRole(), h.at(), h.from(),
                        h.to(), h.transition(), h.reasonCode(), h.reason())).toList(),
                cases.availableActions(actor, e));
    }

    private static Reference parse(String reference) {
        return Reference.parse(reference).orElseThrow(CaseNotFoundException::new);
    }

    private static Actor actor(Authentication auth) {
        return Officers.actorOf(auth).orElseThrow(CaseNotFoundException::new);
    }
}
