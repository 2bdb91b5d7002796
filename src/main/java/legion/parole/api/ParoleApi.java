package legion.parole.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import legion.access.Officers;
import legion.parole.CaseVerdict;
import legion.parole.Convict;
import legion.parole.ParoleAction;
import legion.parole.ParoleCase;
import legion.parole.ParolePolicies;
import legion.parole.ParoleProblem;
import legion.parole.ParoleQueues;
import legion.parole.ParoleReference;
import legion.parole.ParoleWork;
import legion.parole.Stage;
import legion.parole.Transition;
import legion.parole.policy.ConvictInput;
import legion.parole.policy.ParoleParameters;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * The officers' REST API of Program 3 (PRODUCT.md, stable): filing a convict's application, the stage actions, the
 * facility's eligible-soon list, the case. HTTP Basic with {@code X-Legion-OTP} as every officers' API; problems
 * are RFC 9457.
 */
@RestController
@Tag(name = "Parole cases")
class ParoleApi {

    private final ParoleWork work;
    private final ParoleQueues queues;
    private final ParolePolicies policies;
    private final legion.parole.Referrals referrals;

    ParoleApi(ParoleWork work, ParoleQueues queues, ParolePolicies policies, legion.parole.Referrals referrals) {
        this.work = work;
        this.queues = queues;
        this.policies = policies;
        this.referrals = referrals;
    }

    record ServiceEventRequest(legion.parole.ServiceEventKind kind, LocalDate occurredOn, String offence,
                               String details, String reason, Long expectedVersion) {
    }

    /** A service event as shown: the details only to the unit's supervisor and HQ. */
    record ServiceEventView(int seq, String kind, LocalDate occurredOn, Instant recordedAt, String actorRole,
                            String offence, String details) {
    }

    record ReferralView(String id, String reference, String kind, String article, Instant referredAt,
                        Instant closedAt) {
        static ReferralView of(legion.parole.Referrals.Referral r) {
            return new ReferralView(r.id().toString(), r.reference().value(), r.kind().name(), r.article(),
                    r.referredAt(), r.closedAt());
        }
    }

    record CloseRequest(String reason) {
    }

    record HitDecision(legion.parole.ConvictScreening.HitStatus decision) {
    }

    /** The watchlist screening of the convict: for the facility's prison officers and HQ only. */
    record ScreeningView(String status, String listVersions, List<legion.parole.ConvictScreening.ConvictHit> hits) {
    }

    record Consent(Instant at, String witness) {
    }

    record Filing(String fullName, LocalDate dateOfBirth, String prisonerNumber, String offences,
                  LocalDate sentenceEnd, Boolean lifeSentence, Boolean especiallyResponsiblePost, Consent consent) {
    }

    record FieldError(String field, String message) {
    }

    record Verdict(int policyVersion, String outcome, LocalDate eligibleFrom, String rules) {
        static Verdict of(CaseVerdict v) {
            return new Verdict(v.policyVersion(), v.outcome().name(), v.eligibleFrom(), v.rules());
        }
    }

    record ConvictView(String fullName, LocalDate dateOfBirth, String prisonerNumber, String offences,
                       LocalDate sentenceEnd, boolean lifeSentence, boolean especiallyResponsiblePost) {
    }

    record Ruling(String court, String caseNumber, Instant effectiveAt) {
    }

    record Authority(String authority, String reference, LocalDate decidedOn) {
    }

    record Service(String unit, String position) {
    }

    record History(int seq, String actor, String actorRole, Instant at, Stage from, Stage to, Transition transition,
                   String reason) {
    }

    record CaseView(String reference, String status, long version, String facility, Instant filedAt,
                    Instant updatedAt, Verdict verdict, ConvictView convict, Consent consent, Consent withdrawal,
                    String commanderUnit, Ruling ruling, Authority releasedAtHighestLevel, String releaseKind,
                    Instant handOverDue, Instant handedOverAt, Boolean handedOverLate, Service service,
                    List<History> history, Set<Transition> actions, List<ServiceEventView> serviceEvents,
                    Set<legion.parole.ServiceEventKind> serviceEventKinds, List<ReferralView> referrals,
                    ScreeningView screening) {
    }

    record TransitionRequest(Transition transition, String reason, Long expectedVersion, String witness,
                             String unit, String position, Ruling ruling, Authority authority) {
    }

    record PolicyRequest(String excludedOffences, Integer remainingTermYears, java.util.Map<String, String> sources,
                         String note) {
    }

    record PolicyReport(int version, long judged, List<legion.rules.OutcomeChange> changes) {
    }

    record HandOver(String reference, String facility, Instant due, Instant overdueSince) {
    }

    record EligibleSoonItem(String reference, LocalDate eligibleFrom) {
    }

    /** {@code next}: the position to ask for with {@code after} when a page was asked and more follow; else null. */
    record EligibleSoonView(String facility, int days, List<EligibleSoonItem> convicts, String next) {
    }

    @PostMapping(path = "/api/v1/parole/cases", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseView> file(Authentication auth, @RequestBody Filing body) {
        Actor actor = actor(auth);
        Convict convict = convict(body);
        ParoleCase c = work.file(actor, convict, body.consent() == null ? null : body.consent().at(),
                body.consent() == null ? null : body.consent().witness());
        return ResponseEntity.created(URI.create("/api/v1/parole/cases/" + c.reference().value()))
                .body(view(actor, c));
    }

    @GetMapping(path = "/api/v1/parole/cases/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseView get(Authentication auth, @PathVariable String reference) {
        Actor actor = actor(auth);
        return view(actor, work.open(actor, parse(reference)));
    }

    @PostMapping(path = "/api/v1/parole/cases/{reference}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CaseView transition(Authentication auth, @PathVariable String reference, @RequestBody TransitionRequest body) {
        Actor actor = actor(auth);
        if (body == null || body.transition() == null) {
            throw ParoleProblem.invalid("transition is required");
        }
        ParoleAction action = new ParoleAction(body.transition(), body.reason(), body.expectedVersion(),
                body.witness(), body.unit(), body.position(),
                body.ruling() == null ? null : new ParoleAction.RulingFacts(body.ruling().court(),
                        body.ruling().caseNumber(), body.ruling().effectiveAt()),
                body.authority() == null ? null : new ParoleAction.AuthorityFacts(body.authority().authority(),
                        body.authority().reference(), body.authority().decidedOn()));
        return view(actor, work.act(actor, parse(reference), action));
    }

    record QueueItem(String reference, String facility, String status, Instant filedAt, String outcome,
                     LocalDate eligibleFrom) {
    }

    record QueueView(List<QueueItem> cases, String next) {
    }

    /**
     * The officer's queue (as the console's): a prison officer's facility, a supervising officer's unit, the stages
     * the role works (narrowed by {@code stage}), 50 a page after {@code after}. No personal data: the case has it.
     */
    @GetMapping(path = "/api/v1/parole/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    QueueView queue(Authentication auth, @RequestParam(required = false) List<Stage> stage,
                    @RequestParam(required = false) String after,
                    @RequestParam(defaultValue = "50") int limit) {
        Actor actor = actor(auth);
        var rows = queues.queue(actor, stage == null || stage.isEmpty() || stage.contains(null) ? Set.of()
                : java.util.EnumSet.copyOf(stage), after, limit);
        return new QueueView(rows.stream().map(r -> new QueueItem(r.reference().value(), r.facility(),
                r.stage().name(), r.filedAt(), r.outcome().name(), r.eligibleFrom())).toList(),
                rows.size() == Math.max(1, Math.min(limit, 200)) ? rows.get(rows.size() - 1).position() : null);
    }

    /**
     * The convicts of the prison officer's facility who become eligible within {@code days}: all of them, as
     * PRODUCT.md promises; with {@code limit} (1–500) and/or {@code after} (an extension) one page of them, soonest
     * first, and {@code next} to continue from ({@code after} alone pages by 100).
     */
    @GetMapping(path = "/api/v1/parole/eligible-soon", produces = MediaType.APPLICATION_JSON_VALUE)
    EligibleSoonView eligibleSoon(Authentication auth, @RequestParam(defaultValue = "30") int days,
                                  @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) String after) {
        Actor actor = actor(auth);
        Integer page = limit == null && after != null ? Integer.valueOf(100) : limit;
        var rows = queues.eligibleSoon(actor, days, after, page);
        String next = page != null && rows.size() == page ? rows.get(rows.size() - 1).position() : null;
        return new EligibleSoonView(actor.unit() == null ? null : actor.unit().code(), days, rows.stream()
                .map(e -> new EligibleSoonItem(e.reference().value(), e.eligibleFrom())).toList(), next);
    }

    /** An administrator publishes a corrected policy version; every open case is judged again. */
    @PostMapping(path = "/api/v1/parole/policies", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PolicyReport> publish(Authentication auth, @RequestBody PolicyRequest body) {
        Actor actor = actor(auth);
        if (body == null || body.remainingTermYears() == null) {
            throw ParoleProblem.invalid("excludedOffences and remainingTermYears are required");
        }
        ParoleParameters parameters;
        try {
            parameters = new ParoleParameters(body.excludedOffences(), body.remainingTermYears(), body.sources());
        } catch (IllegalArgumentException e) {
            throw ParoleProblem.invalid(e.getMessage());
        }
        var report = policies.publish(actor, parameters, body.note());
        return ResponseEntity.status(201).body(new PolicyReport(report.version(), report.judged(), report.changes()));
    }

    /** The hand-over board: released convicts waiting for the escort, with the clock. */
    @GetMapping(path = "/api/v1/parole/hand-overs", produces = MediaType.APPLICATION_JSON_VALUE)
    List<HandOver> handOvers(Authentication auth) {
        Actor actor = actor(auth);
        return queues.handOverBoard(actor).stream()
                .map(w -> new HandOver(w.reference().value(), w.facility(), w.due(), w.overdueSince())).toList();
    }

    private static Convict convict(Filing b) {
        if (b == null) {
            throw ParoleProblem.invalid("a body is required");
        }
        ConvictInput.Reading reading = ConvictInput.read(b.offences(),
                b.sentenceEnd() == null ? "" : b.sentenceEnd().toString(),
                String.valueOf(Boolean.TRUE.equals(b.lifeSentence())),
                String.valueOf(Boolean.TRUE.equals(b.especiallyResponsiblePost())));
        if (!reading.isReadable()) {
            throw ParoleProblem.invalid("offences or sentence not readable: " + String.join("; ", reading.reasons()));
        }
        if (b.dateOfBirth() == null) {
            throw ParoleProblem.invalid("dateOfBirth is required");
        }
        try {
            return new Convict(b.fullName(), b.dateOfBirth(), b.prisonerNumber(),
                    Convict.written(reading.convict().offences()), b.sentenceEnd(),
                    Boolean.TRUE.equals(b.lifeSentence()), Boolean.TRUE.equals(b.especiallyResponsiblePost()));
        } catch (IllegalArgumentException e) {
            throw ParoleProblem.invalid(e.getMessage());
        }
    }

    private CaseView view(Actor actor, ParoleCase c) {
        Convict v = c.convict();
        var ruling = c.ruling();
        var authority = c.highestLevel();
        var service = c.maySeeService(actor) ? c.service() : null; // the unit's supervisor and HQ only
        return new CaseView(c.reference().value(), c.stage().name(), c.version(), c.facility(), c.filedAt(),
                c.updatedAt(), Verdict.of(c.verdict()),
                new ConvictView(v.fullName(), v.dateOfBirth(), v.prisonerNumber(), v.offences(), v.sentenceEnd(),
                        v.lifeSentence(), v.responsiblePost()),
                new Consent(c.consent().at(), c.consent().witness()),
                c.withdrawal() == null ? null : new Consent(c.withdrawal().at(), c.withdrawal().witness()),
                c.maySeeCommanderUnit(actor) ? c.commanderUnit() : null,
                ruling == null ? null : new Ruling(ruling.court(), ruling.caseNumber(), ruling.effectiveAt()),
                authority == null ? null
                        : new Authority(authority.authority(), authority.reference(), authority.decidedOn()),
                c.releaseKind() == null ? null : c.releaseKind().name(), c.handOverDue(), c.handedOverAt(),
                c.handedOverAt() == null ? null : c.handedOverLate(),
                service == null ? null : new Service(service.unit(), service.position()),
                c.history().stream().map(h -> new History(h.sequence(), h.actor(), h.actorRole(), h.at(), h.from(),
                        h.to(), h.transition(), h.reason())).toList(),
                work.actions(actor, c), serviceEvents(actor, c), work.serviceEventKinds(actor, c),
                actor.role() == Role.PROSECUTOR || actor.role() == Role.ADMINISTRATOR
                        ? referrals.of(c.reference()).stream().map(ReferralView::of).toList() : List.of(),
                work.screening(actor, c).map(sc -> new ScreeningView(sc.status().name(), sc.listVersions(),
                        sc.hits())).orElse(null));
    }

    /** HQ decides a watchlist hit: {@code CLEARED} (another person) or {@code CONFIRMED} (SCREEN stays held). */
    @PostMapping(path = "/api/v1/parole/cases/{reference}/hits/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CaseView decideHit(Authentication auth, @PathVariable String reference, @PathVariable String id,
                       @RequestBody HitDecision body) {
        Actor actor = actor(auth);
        java.util.UUID hit;
        try {
            hit = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ParoleProblem.notFound();
        }
        if (body == null || body.decision() == null) {
            throw ParoleProblem.invalid("decision is required");
        }
        ParoleReference ref = parse(reference);
        work.decideHit(actor, ref, hit, body.decision());
        return view(actor, work.open(actor, ref));
    }

    /**
     * The service events: in full for the unit's supervisor and HQ; the prosecutor sees what was referred (kind,
     * day, offence) without details; nobody else sees any.
     */
    private static List<ServiceEventView> serviceEvents(Actor actor, ParoleCase c) {
        boolean full = c.maySeeService(actor);
        if (!full && actor.role() != Role.PROSECUTOR) {
            return List.of();
        }
        return c.serviceEvents().stream()
                .filter(e -> full || e.kind().referred())
                .map(e -> new ServiceEventView(e.sequence(), e.kind().name(), e.occurredOn(), e.recordedAt(),
                        e.actorRole(), e.offence(), full ? e.details() : null))
                .toList();
    }

    /** The supervising officer (or, for a new offence, the prosecutor) records what happened in service. */
    @PostMapping(path = "/api/v1/parole/cases/{reference}/service-events", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CaseView serviceEvent(Authentication auth, @PathVariable String reference, @RequestBody ServiceEventRequest body) {
        Actor actor = actor(auth);
        if (body == null || body.kind() == null) {
            throw ParoleProblem.invalid("kind is required");
        }
        return view(actor, work.recordServiceEvent(actor, parse(reference), body.kind(), body.occurredOn(),
                body.offence(), body.details(), body.reason(), body.expectedVersion()));
    }

    /** The prosecutor's queue: open referrals (absences under art. 336-2, new offences). */
    @GetMapping(path = "/api/v1/parole/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ReferralView> referrals(Authentication auth) {
        return referrals.open(actor(auth), 500).stream().map(ReferralView::of).toList();
    }

    @PostMapping(path = "/api/v1/parole/referrals/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> closeReferral(Authentication auth, @PathVariable String id, @RequestBody CloseRequest body) {
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ParoleProblem.notFound();
        }
        referrals.close(actor(auth), uuid, body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    private static ParoleReference parse(String reference) {
        return ParoleReference.parse(reference).orElseThrow(ParoleProblem::notFound);
    }

    private static Actor actor(Authentication auth) {
        return Officers.actorOf(auth).orElseThrow(ParoleProblem::notFound);
    }

}
