package legion.enlistment;

import static legion.enlistment.TransitionRefusedException.Refusal.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import legion.shared.Actor;
import legion.shared.Role;
import legion.shared.ServiceRole;
import legion.shared.Unit;

/**
 * One volunteer's application, from submission to enlistment: the aggregate of the pipeline.
 *
 * <p>Lifecycle: created by {@link #submit} in {@link Stage#SUBMITTED}; moved only by the one method per edge of
 * {@link Transition} ({@link #startReview}, {@link #requestInformation}, {@link #receiveInformation},
 * {@link #inviteToInterview}, {@link #recommend}, {@link #approve}, {@link #authorize}, {@link #confirmArrival},
 * {@link #enlist}, {@link #reject}, {@link #withdraw}, {@link #revoke}).
 *
 * <p>Invariants: every change of stage goes through the successor table and its guards (stage, role, embassy
 * scope, reason, four eyes) or throws {@link TransitionRefusedException}; every change appends exactly one
 * {@link HistoryEntry} and registers the one event of that edge (a {@link StageChanged}: {@link EnlistmentApproved},
 * {@link EnlistmentRevoked} …), published through the event publication registry when stored; the applicant's data never
 * changes here; {@code version} implements optimistic locking in {@link Enlistments}.
 */
public class Enlistment {

    private final EnlistmentId id;
    private final Reference reference;
    private final Applicant applicant;
    private final String embassyCode;
    private final Instant submittedAt;
    private long version;
    private Stage stage;
    private Instant updatedAt;
    private String recommendedBy;
    private RejectionReason rejectionReason;
    private ServiceRole assignedRole;
    private String unit;
    private final List<HistoryEntry> history;
    private final List<HistoryEntry> newHistory = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    private Enlistment(EnlistmentId id, Reference reference, Applicant applicant, String embassyCode,
                       Instant submittedAt, long version, Stage stage, Instant updatedAt, String recommendedBy,
                       RejectionReason rejectionReason, ServiceRole assignedRole, String unit,
                       List<HistoryEntry> history) {
        this.id = Objects.requireNonNull(id);
        this.reference = Objects.requireNonNull(reference);
        this.applicant = applicant;
        this.embassyCode = Objects.requireNonNull(embassyCode);
        this.submittedAt = submittedAt;
        this.version = version;
        this.stage = Objects.requireNonNull(stage);
        this.updatedAt = updatedAt;
        this.recommendedBy = recommendedBy;
        this.rejectionReason = rejectionReason;
        this.assignedRole = assignedRole;
        this.unit = unit;
        this.history = new ArrayList<>(history);
    }

    /** A new application, routed to an embassy. */
    public static Enlistment submit(Reference reference, Applicant applicant, String embassyCode) {
        Instant now = now();
        Enlistment e = new Enlistment(EnlistmentId.random(), reference, applicant, embassyCode, now, 0,
                Stage.SUBMITTED, now, null, null, null, null, List.of());
        HistoryEntry entry = new HistoryEntry(1, Actor.volunteer().id(), Role.VOLUNTEER.name(), now, null,
                Stage.SUBMITTED, null, null, null);
        e.history.add(entry);
        e.newHistory.add(entry);
        e.events.add(new EnlistmentSubmitted(e.id, reference, embassyCode, applicant.nationality(),
                applicant.role().name(), now));
        return e;
    }

    /** Rebuilds a stored case (used by the repository only). */
    public static Enlistment restore(EnlistmentId id, Reference reference, Applicant applicant, String embassyCode,
                                     Instant submittedAt, long version, Stage stage, Instant updatedAt,
                                     String recommendedBy, RejectionReason rejectionReason,
                                     ServiceRole assignedRole, String unit, List<HistoryEntry> history) {
        return new Enlistment(id, reference, applicant, embassyCode, submittedAt, version, stage, updatedAt,
                recommendedBy, rejectionReason, assignedRole, unit, history);
    }

    public void startReview(Actor actor) {
        move(Transition.START_REVIEW, actor, null, null, EnlistmentReviewStarted::new);
    }

    public void requestInformation(Actor actor, String whatIsNeeded) {
        move(Transition.REQUEST_INFORMATION, actor, null, whatIsNeeded, InformationRequested::new);
    }

    public void receiveInformation(Actor actor, String note) {
        move(Transition.RECEIVE_INFORMATION, actor, null, note, InformationReceived::new);
    }

    public void inviteToInterview(Actor actor, String note) {
        move(Transition.INVITE_TO_INTERVIEW, actor, null, note, InterviewScheduled::new);
    }

    /** The embassy recommends the case to HQ; the recommending officer may not approve it later. */
    public void recommend(Actor actor, String reason) {
        move(Transition.RECOMMEND, actor, null, reason, EnlistmentRecommended::new);
        this.recommendedBy = actor.id();
    }

    /** HQ approval, four eyes: never by the officer who recommended the case. */
    public void approve(Actor actor, String note) {
        guard(Transition.APPROVE, actor, note);
        if (actor.id().equals(recommendedBy)) {
            throw new TransitionRefusedException(FOUR_EYES, Transition.APPROVE,
                    "four eyes: the officer who recommended a case cannot approve it");
        }
        apply(Transition.APPROVE, actor, null, note, EnlistmentApproved::new);
    }

    public void authorize(Actor actor) {
        move(Transition.AUTHORIZE, actor, null, null, EnlistmentAuthorized::new);
    }

    public void confirmArrival(Actor actor, String note) {
        move(Transition.CONFIRM_ARRIVAL, actor, null, note, VolunteerArrived::new);
    }

    public void enlist(Actor actor, ServiceRole role, String unit) {
        if (role == null || unit == null || unit.isBlank()) {
            throw new TransitionRefusedException(REASON_REQUIRED, Transition.ENLIST, "a role and a unit are required");
        }
        String assigned = unit.strip();
        move(Transition.ENLIST, actor, null, role.name() + " / " + assigned,
                (i, r, em, from, a, ar, at) -> new VolunteerEnlisted(i, r, em, from, a, ar, at, role, assigned));
        this.assignedRole = role;
        this.unit = assigned;
    }

    public void reject(Actor actor, RejectionReason code, String reason) {
        if (code == null) {
            throw new TransitionRefusedException(REASON_REQUIRED, Transition.REJECT, "a rejection needs a reason code");
        }
        move(Transition.REJECT, actor, code.name(), reason,
                (i, r, em, from, a, ar, at) -> new EnlistmentRejected(i, r, em, from, a, ar, at, code));
        this.rejectionReason = code;
    }

    public void withdraw(Actor actor, String reason) {
        move(Transition.WITHDRAW, actor, null, reason, EnlistmentWithdrawn::new);
    }

    public void revoke(Actor actor, String grounds) {
        move(Transition.REVOKE, actor, null, grounds, EnlistmentRevoked::new);
    }

    /**
     * Who may see this case: embassy officers their own embassy's cases; HQ vetting officers every case; reception
     * officers the cases that are on their way or have arrived. Nobody else sees cases.
     */
    public boolean isVisibleTo(Actor actor) {
        switch (actor.role()) {
            case EMBASSY_OFFICER:
                return actor.mayActOn(Unit.embassy(embassyCode));
            case VETTING_OFFICER:
            case SYSTEM:
                return true;
            case RECEPTION_OFFICER:
                return stage == Stage.AUTHORIZED || stage == Stage.ARRIVED || stage == Stage.ENLISTED;
            default:
                return false;
        }
    }

    private void move(Transition t, Actor actor, String reasonCode, String reason, EdgeEvent event) {
        guard(t, actor, reason);
        apply(t, actor, reasonCode, reason, event);
    }

    /** Makes the event of one edge from what every edge records (the constructor of that edge's event record). */
    @FunctionalInterface
    private interface EdgeEvent {
        StageChanged of(EnlistmentId id, Reference reference, String embassyCode, Stage from, String actor,
                        String actorRole, Instant at);
    }

    /**
     * Refuses, as taking the edge would, an actor who may not take it now (scope, stage, role); changes nothing. For
     * checks made before the edge is taken, such as a screening hold: whoever may not approve at all is told so, not
     * that the case is held.
     */
    public void checkMayTake(Transition t, Actor actor) {
        guardWho(t, actor);
    }

    private void guard(Transition t, Actor actor, String reason) {
        guardWho(t, actor);
        if (t.reasonRequired() && (reason == null || reason.isBlank())) {
            throw new TransitionRefusedException(REASON_REQUIRED, t, t + " needs a reason");
        }
    }

    private void guardWho(Transition t, Actor actor) {
        if (actor.role() != Role.VOLUNTEER && actor.role() != Role.SYSTEM && !isVisibleTo(actor)) {
            throw new TransitionRefusedException(OUT_OF_SCOPE, t, "the case is outside the actor's scope");
        }
        if (!t.leavesFrom(stage)) {
            throw new TransitionRefusedException(ILLEGAL_STAGE, t,
                    t + " is not possible from " + stage);
        }
        if (!t.permits(actor.role(), stage)) {
            throw new TransitionRefusedException(ROLE_NOT_PERMITTED, t,
                    actor.role() + " may not " + t + " from " + stage);
        }
    }

    private void apply(Transition t, Actor actor, String reasonCode, String reason, EdgeEvent event) {
        Instant now = now();
        Stage from = stage;
        stage = t.to();
        updatedAt = now;
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        HistoryEntry entry = new HistoryEntry(history.size() + 1, actor.id(), actor.role().name(), now, from,
                stage, t, reasonCode, text);
        history.add(entry);
        newHistory.add(entry);
        StageChanged registered = event.of(id, reference, embassyCode, from, actor.id(), actor.role().name(), now);
        if (registered.transition() != t) {
            throw new IllegalStateException(t + " registered the event of " + registered.transition());
        }
        events.add(registered);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public EnlistmentId id() { return id; }
    public Reference reference() { return reference; }
    public Applicant applicant() { return applicant; }
    public String embassyCode() { return embassyCode; }
    public Instant submittedAt() { return submittedAt; }
    public long version() { return version; }
    public Stage stage() { return stage; }
    public Instant updatedAt() { return updatedAt; }
    public String recommendedBy() { return recommendedBy; }
    public RejectionReason rejectionReason() { return rejectionReason; }
    public ServiceRole assignedRole() { return assignedRole; }
    public String unit() { return unit; }
    public List<HistoryEntry> history() { return Collections.unmodifiableList(history); }

    /** The time the case entered its current stage. */
    public Instant stageSince() {
        return history.isEmpty() ? submittedAt : history.get(history.size() - 1).at();
    }

    /** The repository stored the changes: the case is now at the next version. */
    void stored() {
        version++;
    }

    /** History entries not yet stored; the repository drains them. */
    List<HistoryEntry> drainNewHistory() {
        List<HistoryEntry> result = List.copyOf(newHistory);
        newHistory.clear();
        return result;
    }

    /** Events not yet published; the repository drains them after storing. */
    List<Object> drainEvents() {
        List<Object> result = List.copyOf(events);
        events.clear();
        return result;
    }
}
