package legion.parole;

import static legion.parole.ParoleRefusedException.Refusal.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import legion.parole.ParoleEvent.*;
import legion.parole.Records.Consent;
import legion.parole.Records.HighestLevelRelease;
import legion.parole.Records.ReleaseKind;
import legion.parole.Records.Ruling;
import legion.parole.Records.Service;
import legion.parole.policy.Outcome;
import legion.shared.Actor;
import legion.shared.Role;
import legion.shared.Unit;

/**
 * One convict's application for release to serve, from filing to the end of service: the aggregate of Program 3.
 *
 * <p>Lifecycle: {@link #file} in {@link Stage#APPLIED} with the convict's consent and the policy's verdict; then one
 * method per edge of {@link Transition}: {@link #screen}, {@link #findNotEligible}, {@link #findFit},
 * {@link #findUnfit}, {@link #accept}, {@link #decline}, {@link #petition}, {@link #release}, {@link #refuse},
 * {@link #releaseAtHighestLevel}, {@link #handOver}, {@link #signContract}, {@link #reportAbsence},
 * {@link #returnToUnit}, {@link #returnToCustody}, {@link #discharge}, {@link #withdraw}.
 *
 * <p>Invariants: every change of stage passes the successor table and its guards (scope, stage, role, reason and the
 * facts the edge records) or throws {@link ParoleRefusedException}; each appends one {@link HistoryEntry} and
 * registers one specific {@link ParoleEvent}; a release starts the 24-hour hand-over clock; {@code version} is the
 * optimistic lock kept by {@link ParoleCases}.
 */
public class ParoleCase {

    /** The hand-over to the recruitment centre is due this long after the release takes effect. */
    public static final Duration HAND_OVER_WITHIN = Duration.ofHours(24);

    private final State s;
    private final List<HistoryEntry> newHistory = new ArrayList<>();
    private final List<ServiceEvent> newServiceEvents = new ArrayList<>();
    private final List<ParoleEvent> events = new ArrayList<>();

    /** Everything a case holds, as stored; the repository builds it, the aggregate changes it. */
    static final class State {
        ParoleCaseId id;
        ParoleReference reference;
        String facility;
        Convict convict;
        Consent consent;
        Consent withdrawal;
        CaseVerdict verdict;
        Stage stage;
        long version;
        Instant filedAt;
        Instant updatedAt;
        String commanderUnit;
        Ruling ruling;
        HighestLevelRelease highestLevel;
        Instant handOverDue;
        Instant handedOverAt;
        Service service;
        List<HistoryEntry> history = new ArrayList<>();
        List<ServiceEvent> serviceEvents = new ArrayList<>();
    }

    private ParoleCase(State state) {
        this.s = state;
        Objects.requireNonNull(s.reference);
        Objects.requireNonNull(s.facility);
        Objects.requireNonNull(s.stage);
        s.history = new ArrayList<>(s.history);
        s.serviceEvents = new ArrayList<>(s.serviceEvents);
    }

    static ParoleCase restore(State state) {
        return new ParoleCase(state);
    }

    /**
     * A prison officer files a convict's application at the officer's own facility, with the convict's consent; the
     * current policy judges the convict on the day of filing.
     */
    public static ParoleCase file(Act act, ParoleReference reference, Convict convict, Consent consent,
                                  CaseVerdict verdict) {
        if (act.actor().role() != Role.PRISON_OFFICER || act.actor().unit() == null
                || !act.actor().unit().is(Unit.PRISON)) {
            throw new ParoleRefusedException(ROLE_NOT_PERMITTED, null, "only a prison officer files for a facility");
        }
        Objects.requireNonNull(consent, "consent");
        State s = new State();
        s.id = ParoleCaseId.random();
        s.reference = reference;
        s.facility = act.actor().unit().code();
        s.convict = convict;
        s.consent = consent;
        s.verdict = Objects.requireNonNull(verdict);
        s.stage = Stage.APPLIED;
        s.filedAt = act.at();
        s.updatedAt = act.at();
        ParoleCase c = new ParoleCase(s);
        c.append(act, null, null);
        c.events.add(new CaseFiled(c.moved(act, null, null), verdict.policyVersion(), verdict.outcome(),
                verdict.eligibleFrom()));
        return c;
    }

    /**
     * A verdict of the policy in force, as of a later day or by a later version, on an open case; it never moves the
     * stage (a convict whose remaining term has shrunk is screened by {@link #screen}).
     */
    public void rejudge(CaseVerdict verdict) {
        if (!s.stage.isOpen()) {
            throw new IllegalStateException("only open cases are judged again");
        }
        s.verdict = Objects.requireNonNull(verdict);
    }

    /** The prison administration (or the system) screens an application the policy finds eligible today. */
    public void screen(Act act, CaseVerdict today) {
        guard(Transition.SCREEN, act);
        if (today.outcome() != Outcome.ELIGIBLE) {
            throw new ParoleRefusedException(POLICY_VERDICT, Transition.SCREEN,
                    "policy v" + today.policyVersion() + " finds the convict " + today.outcome());
        }
        rejudge(today);
        move(Transition.SCREEN, act, ConvictScreened::new);
    }

    /** The application ends: the policy in force excludes the convict (or cannot read what was filed). */
    public void findNotEligible(Act act, CaseVerdict today) {
        guard(Transition.FIND_NOT_ELIGIBLE, act);
        if (today.outcome() != Outcome.NOT_ELIGIBLE && today.outcome() != Outcome.INVALID) {
            throw new ParoleRefusedException(POLICY_VERDICT, Transition.FIND_NOT_ELIGIBLE,
                    "policy v" + today.policyVersion() + " finds the convict " + today.outcome());
        }
        rejudge(today);
        String rules = s.verdict.rules();
        move(Transition.FIND_NOT_ELIGIBLE, act, m -> new ConvictFoundNotEligible(m, rules));
    }

    /** The military medical board and the psychological check found the convict fit. */
    public void findFit(Act act) {
        move(Transition.FIND_FIT, act, ConvictFoundFit::new);
    }

    public void findUnfit(Act act) {
        move(Transition.FIND_UNFIT, act, ConvictFoundUnfit::new);
    }

    /** A unit commander accepts the convict into the named unit, with reasons. */
    public void accept(Act act, String unit) {
        guard(Transition.ACCEPT, act);
        requireDetail(unit, Transition.ACCEPT, "an acceptance names the commander's unit");
        s.commanderUnit = unit.strip();
        move(Transition.ACCEPT, act, ConvictAccepted::new);
    }

    public void decline(Act act) {
        move(Transition.DECLINE, act, ConvictDeclined::new);
    }

    public void petition(Act act) {
        move(Transition.PETITION, act, CasePetitioned::new);
    }

    /** The court grants release; the 24-hour clock starts when the ruling takes effect. */
    public void release(Act act, Ruling ruling) {
        guard(Transition.RELEASE, act);
        requireDetail(ruling, Transition.RELEASE, "a release needs the court's ruling");
        s.ruling = ruling;
        s.handOverDue = ruling.effectiveAt().plus(HAND_OVER_WITHIN);
        move(Transition.RELEASE, act, m -> new ConvictReleasedByCourt(m, ruling.caseNumber(), ruling.effectiveAt(),
                s.handOverDue));
    }

    public void refuse(Act act, Ruling ruling) {
        guard(Transition.REFUSE, act);
        requireDetail(ruling, Transition.REFUSE, "a refusal needs the court's ruling");
        s.ruling = ruling;
        move(Transition.REFUSE, act, m -> new ReleaseRefused(m, ruling.caseNumber()));
    }

    /**
     * A release decided "at the highest level" without a court, as in February 2022: recorded with the named
     * authority, its reference and date, so that it is never again unrecorded; the clock starts at the entry.
     */
    public void releaseAtHighestLevel(Act act, HighestLevelRelease decision) {
        guard(Transition.RELEASE_AT_HIGHEST_LEVEL, act);
        requireDetail(decision, Transition.RELEASE_AT_HIGHEST_LEVEL, "the authority, its reference and date");
        s.highestLevel = decision;
        s.handOverDue = act.at().plus(HAND_OVER_WITHIN);
        move(Transition.RELEASE_AT_HIGHEST_LEVEL, act, m -> new ConvictReleasedAtHighestLevel(m,
                decision.authority(), decision.reference(), decision.decidedOn(), s.handOverDue));
    }

    /** The escort hands the released convict over to the recruitment centre; late when after the 24 hours. */
    public void handOver(Act act) {
        guard(Transition.HAND_OVER, act);
        s.handedOverAt = act.at();
        boolean late = isHandOverLate();
        move(Transition.HAND_OVER, act, m -> new ConvictHandedOver(m, late));
    }

    /** The recruitment centre signs the contract; the unit and position are recorded for the supervisor and HQ. */
    public void signContract(Act act, Service service) {
        guard(Transition.SIGN_CONTRACT, act);
        requireDetail(service, Transition.SIGN_CONTRACT, "a contract names the unit");
        s.service = service;
        move(Transition.SIGN_CONTRACT, act, ContractSigned::new);
    }

    /** An unauthorised absence: the case is referred under art. 336-2 to the prosecutor. */
    public void reportAbsence(Act act) {
        move(Transition.REPORT_ABSENCE, act, AbsenceReported::new);
    }

    /**
     * Records what happened in service (the supervising officer of the unit; a new offence also the prosecutor):
     * the kind's edge is taken when it has one (an absence goes to {@code ABSENT}, a death or the discharge ends the
     * service), and {@link ServiceEventRecorded} says whether the prosecutor is referred to.
     *
     * @param offence the new offence in the first notation (a new offence only)
     */
    public ServiceEvent recordServiceEvent(Act act, ServiceEventKind kind, java.time.LocalDate occurredOn,
                                           String offence, String details) {
        Objects.requireNonNull(kind);
        Actor actor = act.actor();
        Transition edge = kind.transition();
        if (actor.role() != Role.SYSTEM && !isVisibleTo(actor)) {
            throw new ParoleRefusedException(OUT_OF_SCOPE, edge, "the case is outside the actor's unit");
        }
        if (!kind.recordableIn(s.stage)) {
            throw new ParoleRefusedException(ILLEGAL_STAGE, edge, kind + " cannot be recorded in " + s.stage);
        }
        if (!kind.permits(actor.role())) {
            throw new ParoleRefusedException(ROLE_NOT_PERMITTED, edge, actor.role() + " may not record " + kind);
        }
        requireDetail(occurredOn, edge, "a service event has the day it happened");
        if (occurredOn.isAfter(java.time.LocalDate.ofInstant(act.at(), ParolePolicies.LEGAL_ZONE))) {
            throw new ParoleRefusedException(DETAILS_REQUIRED, edge, "a service event cannot happen in the future");
        }
        if (kind == ServiceEventKind.NEW_OFFENCE) {
            requireDetail(offence, edge, "a new offence names the offence");
        }
        if (details != null && details.length() > ServiceEvent.MAX_DETAILS) {
            throw new ParoleRefusedException(DETAILS_REQUIRED, edge,
                    "details are at most " + ServiceEvent.MAX_DETAILS + " characters");
        }
        Stage from = s.stage;
        switch (kind) {
            case ABSENCE -> reportAbsence(act);
            case DEATH, DISCHARGE -> discharge(act);
            default -> guardReason(kind, act);
        }
        ServiceEvent e = new ServiceEvent(s.serviceEvents.size() + 1, kind, occurredOn, act.at(), actor.id(),
                actor.role().name(), kind == ServiceEventKind.NEW_OFFENCE ? offence.strip() : null, details);
        s.serviceEvents.add(e);
        newServiceEvents.add(e);
        s.updatedAt = act.at();
        events.add(new ServiceEventRecorded(new Moved(s.reference, s.facility, actor.id(), actor.role().name(),
                act.at(), from, s.stage, edge, act.reason()), kind, occurredOn, kind.referred(),
                kind == ServiceEventKind.NEW_OFFENCE ? e.offence() : kind.article()));
        return e;
    }

    private static void guardReason(ServiceEventKind kind, Act act) {
        if (act.reason() == null) {
            throw new ParoleRefusedException(DETAILS_REQUIRED, null, kind + " needs a reason");
        }
    }

    public void returnToUnit(Act act) {
        move(Transition.RETURN_TO_UNIT, act, ReturnedToUnit::new);
    }

    public void returnToCustody(Act act) {
        move(Transition.RETURN_TO_CUSTODY, act, ReturnedToCustody::new);
    }

    public void discharge(Act act) {
        move(Transition.DISCHARGE, act, ServicemanDischarged::new);
    }

    /** The convict withdraws consent, at any open stage, before a witness. */
    public void withdraw(Act act, String witness) {
        guard(Transition.WITHDRAW, act);
        requireDetail(witness, Transition.WITHDRAW, "a withdrawal names its witness");
        s.withdrawal = new Consent(act.at(), witness);
        move(Transition.WITHDRAW, act, m -> new ConsentWithdrawn(m, s.withdrawal.witness()));
    }

    /**
     * Who may see this case: the prison officers of its facility; HQ (administrators) and the system; each other
     * actor in the stages it works (the medical board from screening, commanders from the examination, the court
     * from the petition, escorts around the release, the recruitment centre around the contract); the supervising
     * officers of the unit and the prosecutor once the convict serves.
     */
    public boolean isVisibleTo(Actor actor) {
        Stage st = s.stage;
        return switch (actor.role()) {
            case PRISON_OFFICER -> actor.mayActOn(facilityUnit());
            case SYSTEM, ADMINISTRATOR -> true;
            case MEDICAL_BOARD -> st == Stage.SCREENED || st == Stage.EXAMINED || st == Stage.UNFIT;
            case UNIT_COMMANDER -> st == Stage.EXAMINED || st == Stage.ACCEPTED || st == Stage.DECLINED;
            case COURT_CLERK -> st == Stage.PETITIONED || st == Stage.RELEASED || st == Stage.REFUSED;
            case ESCORT -> st == Stage.RELEASED || st == Stage.HANDED_OVER;
            case TCC_OFFICER -> st == Stage.HANDED_OVER || st == Stage.IN_SERVICE;
            case SUPERVISING_OFFICER -> isOfTheUnit(actor) && (st == Stage.IN_SERVICE || st == Stage.ABSENT
                    || st == Stage.DISCHARGED || st == Stage.RETURNED_TO_CUSTODY);
            case PROSECUTOR -> st == Stage.ABSENT || st == Stage.IN_SERVICE || st == Stage.RETURNED_TO_CUSTODY;
            default -> false;
        };
    }

    /**
     * Whether this actor may see where the convict serves (the contract's unit and position, the service events'
     * details): the unit's supervisor and HQ only; never prison, medical, court, escort, recruitment or prosecution
     * roles.
     */
    public boolean maySeeService(Actor actor) {
        return (actor.role() == Role.SUPERVISING_OFFICER && isOfTheUnit(actor))
                || actor.role() == Role.ADMINISTRATOR || actor.role() == Role.SYSTEM;
    }

    /** Whether this actor may see the accepting commander's unit: who may see the service, and that commander. */
    public boolean maySeeCommanderUnit(Actor actor) {
        return maySeeService(actor) || (actor.role() == Role.UNIT_COMMANDER && s.commanderUnit != null
                && actor.unit() != null && actor.mayActOn(Unit.of(Unit.MILITARY_UNIT, s.commanderUnit)));
    }

    /** The supervising officer's scope: the military unit the convict serves in (the platform's one scope check). */
    private boolean isOfTheUnit(Actor actor) {
        return s.service != null && actor.unit() != null
                && actor.mayActOn(Unit.of(Unit.MILITARY_UNIT, s.service.unit()));
    }

    /** The prison facility the case belongs to, as a platform unit. */
    public Unit facilityUnit() {
        return Unit.of(Unit.PRISON, s.facility);
    }

    private void move(Transition t, Act act, Function<Moved, ParoleEvent> event) {
        guard(t, act);
        Stage from = s.stage;
        s.stage = t.to();
        s.updatedAt = act.at();
        append(act, from, t);
        events.add(event.apply(moved(act, from, t)));
    }

    private void guard(Transition t, Act act) {
        Actor actor = act.actor();
        if (actor.role() != Role.SYSTEM && !isVisibleTo(actor)) {
            throw new ParoleRefusedException(OUT_OF_SCOPE, t, "the case is outside the actor's unit");
        }
        if (!t.leavesFrom(s.stage)) {
            throw new ParoleRefusedException(ILLEGAL_STAGE, t, t + " is not possible from " + s.stage);
        }
        if (!t.permits(actor.role())) {
            throw new ParoleRefusedException(ROLE_NOT_PERMITTED, t, actor.role() + " may not " + t);
        }
        if (t.reasonRequired() && act.reason() == null) {
            throw new ParoleRefusedException(DETAILS_REQUIRED, t, t + " needs a reason");
        }
    }

    private static void requireDetail(Object detail, Transition t, String message) {
        if (detail == null || (detail instanceof String text && text.isBlank())) {
            throw new ParoleRefusedException(DETAILS_REQUIRED, t, message);
        }
    }

    private void append(Act act, Stage from, Transition t) {
        HistoryEntry entry = new HistoryEntry(s.history.size() + 1, act.actor().id(), act.actor().role().name(),
                act.at(), from, s.stage, t, act.reason());
        s.history.add(entry);
        newHistory.add(entry);
    }

    private Moved moved(Act act, Stage from, Transition t) {
        return new Moved(s.reference, s.facility, act.actor().id(), act.actor().role().name(), act.at(), from,
                s.stage, t, act.reason());
    }

    /** A hand-over after the due time, or none yet when the due time has passed at {@code now}. */
    public boolean isHandOverOverdue(Instant now) {
        return s.handOverDue != null && s.stage == Stage.RELEASED && now.isAfter(s.handOverDue);
    }

    private boolean isHandOverLate() {
        return s.handOverDue != null && s.handedOverAt != null && s.handedOverAt.isAfter(s.handOverDue);
    }

    public ParoleCaseId id() { return s.id; }
    public ParoleReference reference() { return s.reference; }
    public String facility() { return s.facility; }
    public Convict convict() { return s.convict; }
    public Consent consent() { return s.consent; }
    public Consent withdrawal() { return s.withdrawal; }
    public CaseVerdict verdict() { return s.verdict; }
    public Stage stage() { return s.stage; }
    public long version() { return s.version; }
    public Instant filedAt() { return s.filedAt; }
    public Instant updatedAt() { return s.updatedAt; }
    public String commanderUnit() { return s.commanderUnit; }
    public Ruling ruling() { return s.ruling; }
    public HighestLevelRelease highestLevel() { return s.highestLevel; }
    public Instant handOverDue() { return s.handOverDue; }
    public Instant handedOverAt() { return s.handedOverAt; }
    public Service service() { return s.service; }
    public boolean handedOverLate() { return isHandOverLate(); }
    public List<HistoryEntry> history() { return Collections.unmodifiableList(s.history); }
    public List<ServiceEvent> serviceEvents() { return Collections.unmodifiableList(s.serviceEvents); }

    /** How the convict was released, or null before a release. */
    public ReleaseKind releaseKind() {
        return s.highestLevel != null ? ReleaseKind.HIGHEST_LEVEL : s.handOverDue != null ? ReleaseKind.COURT : null;
    }

    /** The stored state, for the repository only. */
    State state() {
        return s;
    }

    List<HistoryEntry> drainNewHistory() {
        List<HistoryEntry> result = List.copyOf(newHistory);
        newHistory.clear();
        return result;
    }

    List<ServiceEvent> drainNewServiceEvents() {
        List<ServiceEvent> result = List.copyOf(newServiceEvents);
        newServiceEvents.clear();
        return result;
    }

    List<ParoleEvent> drainEvents() {
        List<ParoleEvent> result = List.copyOf(events);
        events.clear();
        return result;
    }
}
