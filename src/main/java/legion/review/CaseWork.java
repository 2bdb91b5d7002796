package legion.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.audit.AuditLog;
import legion.enlistment.ConcurrentChangeException;
import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments;
import legion.enlistment.Enlistments.CaseSummary;
import legion.enlistment.Enlistments.Cursor;
import legion.enlistment.Enlistments.QueueOrder;
import legion.enlistment.Enlistments.QueueQuery;
import legion.enlistment.SearchKeys;
import legion.enlistment.Reference;
import legion.enlistment.Stage;
import legion.enlistment.Transition;
import legion.enlistment.TransitionRefusedException;
import legion.enlistment.TransitionRefusedException.Refusal;
import legion.screening.CaseScreening;
import legion.shared.Actor;
import legion.shared.InvalidInputException;
import legion.shared.Role;
import legion.shared.TextRules;

/**
 * What officers do with cases: queues, opening a case, acting on it. Scope is enforced here (not only in the
 * pages): a case outside the actor's scope does not exist for them. Every opening of a case is audited.
 */
@Service
public class CaseWork {

    /** Edges whose request must carry the version of the case the officer decided on. */
    static final Set<Transition> NEEDS_VERSION = Set.of(Transition.APPROVE, Transition.REJECT, Transition.REVOKE);
    /** Longest reason (code points): the history column holds its ciphertext. */
    public static final int MAX_REASON_CHARS = 2000;
    /** Longest unit name. */
    public static final int MAX_UNIT_CHARS = 100;

    private final Enlistments enlistments;
    private final AuditLog audit;
    private final CaseScreening screening;
    private final CaseFiles files;

    private final org.springframework.transaction.support.TransactionTemplate eachAlone;

    CaseWork(Enlistments enlistments, AuditLog audit, CaseScreening screening, CaseFiles files,
             org.springframework.transaction.PlatformTransactionManager transactions) {
        this.eachAlone = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.eachAlone.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enlistments = enlistments;
        this.audit = audit;
        this.screening = screening;
        this.files = files;
    }

    /** Records the outcome of the case's latest interview (the officer then recommends or rejects). */
    @Transactional
    public void recordInterview(Actor actor, Reference reference, String outcome, String notes) {
        Enlistment e = visible(actor, reference);
        if (e.stage() != Stage.INTERVIEW) {
            throw new TransitionRefusedException(Refusal.ILLEGAL_STAGE, Transition.RECOMMEND,
                    "an interview outcome is recorded while the case is in INTERVIEW");
        }
        files.recordInterview(actor, e.id(), outcome, notes);
        audit.append(actor.id(), actor.role().name(), "INTERVIEW_RECORDED", reference.value(), outcome);
    }

    /** A document of a case, for an officer who may see it; audited. */
    @Transactional
    public CaseFiles.Document document(Actor actor, Reference reference, long documentId) {
        Enlistment e = visible(actor, reference);
        CaseFiles.Document d = files.document(e.id(), documentId).orElseThrow(CaseNotFoundException::new);
        audit.append(actor.id(), actor.role().name(), "DOCUMENT_VIEWED", reference.value(), "document " + documentId);
        return d;
    }

    /**
     * Queue filters as an officer sets them; the actor's scope is applied on top. {@code search} is what the officer
     * typed in the search box (a reference, a passport number or a name, see {@link SearchKeys.Search}).
     */
    public record QueueFilter(Set<Stage> stages, String embassyCode, String nationality, String serviceRole,
                              Cursor after, int limit, boolean flagged, QueueOrder order, String search) {

        public QueueFilter(Set<Stage> stages, String embassyCode, String nationality, String serviceRole, Cursor after,
                           int limit, boolean flagged) {
            this(stages, embassyCode, nationality, serviceRole, after, limit, flagged, QueueOrder.SUBMITTED, null);
        }

        public QueueFilter(Set<Stage> stages, String embassyCode, String nationality, String serviceRole, Cursor after,
                           int limit) {
            this(stages, embassyCode, nationality, serviceRole, after, limit, false);
        }

        /** The same filter from another position, for another page size. */
        public QueueFilter from(Cursor cursor, int pageSize, QueueOrder inOrder) {
            return new QueueFilter(stages, embassyCode, nationality, serviceRole, cursor, pageSize, flagged, inOrder,
                    search);
        }
    }

    /** One page of a queue and the cursor of the next page (null on the last page). */
    public record QueuePage(List<CaseSummary> cases, Cursor next) {
    }

    public QueuePage queue(Actor actor, QueueFilter filter) {
        String embassy = filter.embassyCode();
        Set<Stage> stages = filter.stages();
        switch (actor.role()) {
            case EMBASSY_OFFICER -> embassy = actor.embassyCode();
            case VETTING_OFFICER -> {
            }
            case RECEPTION_OFFICER -> {
                stages = intersect(stages, Set.of(Stage.AUTHORIZED, Stage.ARRIVED, Stage.ENLISTED));
                if (stages.isEmpty()) {
                    return new QueuePage(List.of(), null); // only stages outside the reception's scope were asked for
                }
            }
            default -> throw new SecurityException("this role has no case queue");
        }
        int limit = Math.max(1, Math.min(filter.limit(), 200));
        if (filter.flagged()) {
            return flagged(actor, limit);
        }
        QueueOrder order = filter.order() == null ? QueueOrder.SUBMITTED : filter.order();
        SearchKeys.Search search = SearchKeys.Search.of(filter.search()).orElse(null);
        List<CaseSummary> rows = enlistments.queue(new QueueQuery(embassy, stages, filter.nationality(),
                filter.serviceRole(), filter.after(), limit + 1, order, search));
        if (rows.size() > limit) {
            List<CaseSummary> page = rows.subList(0, limit);
            return new QueuePage(List.copyOf(page), page.get(limit - 1).cursor(order));
        }
        return new QueuePage(rows, null);
    }

    /**
     * Vetting officers' filter: cases on which re-screening found a hit after authorization, still open (one page,
     * oldest first; they are few and each needs a decision).
     */
    private QueuePage flagged(Actor actor, int limit) {
        if (actor.role() != Role.VETTING_OFFICER) {
            return new QueuePage(List.of(), null);
        }
        List<CaseSummary> rows = screening.flaggedCases(limit).stream()
                .map(enlistments::findById).flatMap(java.util.Optional::stream)
                .map(e -> new CaseSummary(e.id().value(), e.reference(), e.stage(), e.embassyCode(),
                        e.applicant().nationality(), e.applicant().role().name(), e.applicant().givenNames(),
                        e.applicant().surname(), e.submittedAt(), e.stageSince()))
                .sorted(java.util.Comparator.comparing(CaseSummary::submittedAt))
                .toList();
        return new QueuePage(rows, null);
    }

    /** The cases before and after this one in a queue (null at either end), for "previous" and "next" on a case. */
    public record Neighbours(Reference previous, Reference next) {
    }

    /** The neighbours of a case in the queue this filter and order give (the actor's scope applied). */
    public Neighbours neighbours(Actor actor, Enlistment e, QueueFilter filter) {
        QueueOrder order = filter.order() == null ? QueueOrder.SUBMITTED : filter.order();
        CaseSummary self = new CaseSummary(e.id().value(), e.reference(), e.stage(), e.embassyCode(), null, null,
                null, null, e.submittedAt(), e.stageSince());
        if (filter.flagged()) {
            return new Neighbours(null, null);
        }
        var next = queue(actor, filter.from(self.cursor(order), 1, order)).cases();
        var previous = queue(actor, filter.from(self.cursor(order.reversed()), 1, order.reversed())).cases();
        return new Neighbours(previous.isEmpty() ? null : previous.get(0).reference(),
                next.isEmpty() ? null : next.get(0).reference());
    }

    /** What became of one case of a bulk action: done, or refused with the message key saying why. */
    public record BulkOutcome(Reference reference, String refusal) implements java.io.Serializable {

        public boolean done() {
            return refusal == null;
        }
    }

    /**
     * Starts the review of each selected case on its own, as if the officer had opened each and pressed "start
     * review": each in its own transaction, through the same guards (scope, stage, role) and audited like any single
     * action; a refused case changes nothing, is audited as refused and reported with the reason, the others go ahead.
     */
    public List<BulkOutcome> startReviews(Actor actor, List<Reference> references) {
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (Reference reference : new java.util.LinkedHashSet<>(references)) {
            String refusal = null;
            try {
                CaseAction start = CaseAction.of(Transition.START_REVIEW, null);
                eachAlone.executeWithoutResult(tx -> act(actor, reference, start));
            } catch (TransitionRefusedException e) {
                refusal = "console.refused." + e.refusal().name();
            } catch (ConcurrentChangeException e) {
                refusal = "console.conflict";
            } catch (CaseNotFoundException e) {
                refusal = "console.bulk.notfound";
            }
            if (refusal != null) {
                String detail = "START_REVIEW: " + refusal;
                eachAlone.executeWithoutResult(tx -> audit.append(actor.id(), actor.role().name(),
                        "BULK_ACTION_REFUSED", reference.value(), detail));
            }
            outcomes.add(new BulkOutcome(reference, refusal));
        }
        return outcomes;
    }

    private static Set<Stage> intersect(Set<Stage> requested, Set<Stage> allowed) {
        if (requested == null || requested.isEmpty()) {
            return allowed;
        }
        Set<Stage> result = new java.util.HashSet<>(requested);
        result.retainAll(allowed);
        return result;
    }

    /** Opens a case for reading; audited. */
    @Transactional
    public Enlistment open(Actor actor, Reference reference) {
        Enlistment e = visible(actor, reference);
        audit.append(actor.id(), actor.role().name(), "CASE_VIEWED", reference.value(), null);
        return e;
    }

    /** The edges this actor may take on this case now. */
    public Set<Transition> availableActions(Actor actor, Enlistment e) {
        return Transition.available(e.stage(), actor.role());
    }

    /**
     * Applies one action. Throws {@link CaseNotFoundException} outside scope, the enlistment's
     * {@code TransitionRefusedException} when a rule refuses it, and {@link ConcurrentChangeException} when the case
     * changed since the officer saw it or someone else acted at the same moment.
     */
    @Transactional
    public Enlistment act(Actor actor, Reference reference, CaseAction action) {
        Enlistment e = visible(actor, reference);
        checkInput(action);
        if (action.expectedVersion() != null && action.expectedVersion() != e.version()) {
            throw new ConcurrentChangeException(reference);
        }
        switch (action.transition()) {
            case START_REVIEW -> e.startReview(actor);
            case REQUEST_INFORMATION -> e.requestInformation(actor, action.reason());
            case RECEIVE_INFORMATION -> e.receiveInformation(actor, action.reason());
            case INVITE_TO_INTERVIEW -> {
                if (action.interview() == null) {
                    throw new TransitionRefusedException(Refusal.INTERVIEW_REQUIRED, Transition.INVITE_TO_INTERVIEW,
                            "an interview invitation needs the date and time, the time zone and the mode");
                }
                e.inviteToInterview(actor, action.reason());
                files.scheduleInterview(actor, e.id(), action.interview());
            }
            case RECOMMEND -> {
                if (e.stage() == Stage.INTERVIEW && files.latestInterview(e.id())
                        .map(i -> !"PASSED".equals(i.outcome())).orElse(true)) {
                    throw new TransitionRefusedException(Refusal.INTERVIEW_NOT_PASSED, Transition.RECOMMEND,
                            "a recommendation needs the outcome PASSED recorded for the interview");
                }
                e.recommend(actor, action.reason());
            }
            case APPROVE -> {
                checkNotHeld(e, Transition.APPROVE, actor);
                e.approve(actor, action.reason());
            }
            case AUTHORIZE -> { // a hit found after approval (a list changed) holds the travel authorization too
                checkNotHeld(e, Transition.AUTHORIZE, actor);
                e.authorize(actor);
            }
            case CONFIRM_ARRIVAL -> e.confirmArrival(actor, action.reason());
            case ENLIST -> e.enlist(actor, action.role(), action.unit());
            case REJECT -> e.reject(actor, action.reasonCode(), action.reason());
            case WITHDRAW -> e.withdraw(actor, action.reason());
            case REVOKE -> e.revoke(actor, action.reason());
        }
        enlistments.update(e);
        return e;
    }

    /** Refuses APPROVE or AUTHORIZE while screening holds the case (a role that may not take it is told so first). */
    private void checkNotHeld(Enlistment e, Transition t, Actor actor) {
        e.checkMayTake(t, actor);
        var hold = screening.holdOf(e.id());
        if (hold.isPresent()) {
            throw new TransitionRefusedException(Refusal.HELD_BY_SCREENING, t, hold.get().explanation(),
                    hold.get().name());
        }
    }

    /**
     * An action's own input, before any rule of the case: the edges that cannot be undone by the same officer
     * (APPROVE, REJECT, REVOKE) need the version the officer saw, so that a decision taken on a stale view (someone
     * else approved a moment before) is a conflict, never applied; reasons and units follow {@link TextRules}.
     */
    private static void checkInput(CaseAction action) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (NEEDS_VERSION.contains(action.transition()) && action.expectedVersion() == null) {
            problems.add(new InvalidInputException.Problem("expectedVersion", "required"));
        }
        text(action.reason(), "reason", TextRules.Lines.MANY, MAX_REASON_CHARS, problems);
        text(action.unit(), "unit", TextRules.Lines.ONE, MAX_UNIT_CHARS, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void text(String value, String field, TextRules.Lines lines, int max,
                             List<InvalidInputException.Problem> problems) {
        if (value == null || value.isBlank()) {
            return; // whether it is required is the stage machine's rule
        }
        String text = value.strip();
        TextRules.problem(text, lines).ifPresentOrElse(code -> problems.add(new InvalidInputException.Problem(field, code)),
                () -> {
                    if (text.length() > max) { // UTF-16 units: what the columns count on H2
                        problems.add(new InvalidInputException.Problem(field, "length"));
                    }
                });
    }

    private Enlistment visible(Actor actor, Reference reference) {
        if (!actor.role().isOfficer() || actor.role() == Role.ADMINISTRATOR) {
            throw new CaseNotFoundException();
        }
        return enlistments.findByReference(reference)
                .filter(e -> e.isVisibleTo(actor))
                .orElseThrow(CaseNotFoundException::new);
    }
}
