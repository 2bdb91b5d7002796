package legion.parole;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.annotation.Transactional;

import legion.parole.ParoleRefusedException.Refusal;
import legion.parole.Records.Consent;
import legion.parole.Records.HighestLevelRelease;
import legion.parole.Records.Ruling;
import legion.parole.Records.Service;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * The service over parole cases that every adapter (REST, console) calls: filing with the policy's verdict, the
 * officers' actions on the stage machine, the eligible-soon list of a facility. Days are judged in Kyiv.
 */
@org.springframework.stereotype.Service
public class ParoleWork {

    public static final int MAX_ELIGIBLE_SOON_DAYS = 3660;

    private final ParoleCases cases;
    private final ParolePolicies policies;
    private final Clock clock;
    private final HandOverClock handOvers;

    private final ConvictScreening screening;

    private final org.springframework.transaction.support.TransactionTemplate tx;

    ParoleWork(ParoleCases cases, ParolePolicies policies, HandOverClock handOvers, ConvictScreening screening,
               org.springframework.transaction.support.TransactionTemplate tx, ObjectProvider<Clock> clocks) {
        this.screening = screening;
        this.tx = tx;
        this.cases = cases;
        this.policies = policies;
        this.handOvers = handOvers;
        this.clock = clocks.getIfAvailable(Clock::systemUTC);
    }

    /** A prison officer files an application for a convict of the officer's facility, with the consent given. */
    @Transactional
    public ParoleCase file(Actor officer, Convict convict, Instant consentAt, String witness) {
        if (officer.role() != Role.PRISON_OFFICER) {
            throw new ParoleRefusedException(Refusal.ROLE_NOT_PERMITTED, null, "only a prison officer files");
        }
        Instant now = now();
        Consent consent;
        try {
            consent = new Consent(consentAt == null ? now : consentAt, witness);
        } catch (IllegalArgumentException e) {
            throw ParoleProblem.invalid("the convict's consent needs its witness");
        }
        if (consent.at().isAfter(now)) {
            throw ParoleProblem.invalid("consent cannot be given in the future");
        }
        LocalDate today = today();
        ParoleCase c = ParoleCase.file(new Act(officer, now, null), ParoleReference.random(), convict, consent,
                policies.judge(convict, today));
        cases.add(c);
        policies.recordFirst(c, today);
        screening.screen(c);
        return c;
    }

    /** The case, if the officer may see it; otherwise the same 404 as for no case at all. */
    public ParoleCase open(Actor officer, ParoleReference reference) {
        return cases.find(reference).filter(c -> c.isVisibleTo(officer)).orElseThrow(ParoleProblem::notFound);
    }

    /**
     * Takes one edge of the stage machine for the officer, in one transaction. Before SCREEN a convict still waiting
     * for the watchlists is screened again in a transaction of its own, so that what it finds stays even when the
     * edge is then held.
     */
    public ParoleCase act(Actor officer, ParoleReference reference, ParoleAction action) {
        if (action == null || action.transition() == null) {
            throw ParoleProblem.invalid("transition is required");
        }
        if (action.transition() == Transition.SCREEN) {
            tx.executeWithoutResult(status -> {
                ParoleCase c = open(officer, reference);
                if (screening.of(c).status() == ConvictScreening.Status.PENDING) {
                    screening.screen(c);
                }
            });
        }
        return tx.execute(status -> actNow(officer, reference, action));
    }

    private ParoleCase actNow(Actor officer, ParoleReference reference, ParoleAction action) {
        ParoleCase c = open(officer, reference);
        if (action.expectedVersion() != null && action.expectedVersion() != c.version()) {
            throw new ParoleRefusedException(Refusal.CONCURRENT_CHANGE, action.transition(),
                    "the case has changed since version " + action.expectedVersion() + "; read it again");
        }
        Act act = new Act(officer, now(), action.reason());
        try {
            take(c, action, act);
        } catch (IllegalArgumentException e) {
            throw new ParoleRefusedException(Refusal.DETAILS_REQUIRED, action.transition(), e.getMessage());
        }
        cases.update(c);
        return c;
    }

    private void take(ParoleCase c, ParoleAction a, Act act) {
        switch (a.transition()) {
            case SCREEN -> {
                ConvictScreening.Screening found = screening.of(c);
                if (found.hold() != null) {
                    throw new ParoleRefusedException(found.hold(), Transition.SCREEN,
                            found.hold() == Refusal.WATCHLIST_HIT ? "a watchlist hit waits for HQ"
                                    : "the watchlists are not loaded yet; try again shortly");
                }
                c.screen(act, policies.judge(c.convict(), today()));
            }
            case FIND_NOT_ELIGIBLE -> c.findNotEligible(act, policies.judge(c.convict(), today()));
            case FIND_FIT -> c.findFit(act);
            case FIND_UNFIT -> c.findUnfit(act);
            case ACCEPT -> c.accept(act, a.unit());
            case DECLINE -> c.decline(act);
            case PETITION -> {
                // a hit found by re-screening after SCREEN (a new list version) holds the petition until HQ decides
                if (screening.of(c).hold() == Refusal.WATCHLIST_HIT) {
                    throw new ParoleRefusedException(Refusal.WATCHLIST_HIT, Transition.PETITION,
                            "a watchlist hit waits for HQ");
                }
                c.petition(act);
            }
            case RELEASE -> c.release(act, ruling(a));
            case REFUSE -> c.refuse(act, ruling(a));
            case RELEASE_AT_HIGHEST_LEVEL -> c.releaseAtHighestLevel(act, a.authority() == null ? null
                    : new HighestLevelRelease(a.authority().authority(), a.authority().reference(),
                    a.authority().decidedOn()));
            case HAND_OVER -> c.handOver(act);
            case SIGN_CONTRACT -> c.signContract(act, a.unit() == null ? null : new Service(a.unit(), a.position()));
            case REPORT_ABSENCE -> c.recordServiceEvent(act, ServiceEventKind.ABSENCE, today(), null, null);
            case RETURN_TO_UNIT -> c.returnToUnit(act);
            case RETURN_TO_CUSTODY -> c.returnToCustody(act);
            case DISCHARGE -> c.recordServiceEvent(act, ServiceEventKind.DISCHARGE, today(), null, null);
            case WITHDRAW -> c.withdraw(act, a.witness());
        }
    }

    /**
     * Records what happened in service: an absence (referred under art. 336-2), a new offence (referred), an
     * injury, a death or the discharge; {@code offence} in either notation for a new offence.
     */
    @Transactional
    public ParoleCase recordServiceEvent(Actor officer, ParoleReference reference, ServiceEventKind kind,
                                         LocalDate occurredOn, String offence, String details, String reason,
                                         Long expectedVersion) {
        if (kind == null) {
            throw ParoleProblem.invalid("kind is required");
        }
        ParoleCase c = open(officer, reference);
        if (expectedVersion != null && expectedVersion != c.version()) {
            throw new ParoleRefusedException(Refusal.CONCURRENT_CHANGE, kind.transition(),
                    "the case has changed since version " + expectedVersion + "; read it again");
        }
        String written = null;
        if (offence != null && !offence.isBlank()) {
            written = legion.parole.policy.OffenceNotation.read(offence).map(Object::toString)
                    .orElseThrow(() -> ParoleProblem.invalid("the offence is not readable"));
        }
        c.recordServiceEvent(new Act(officer, now(), reason), kind, occurredOn == null ? today() : occurredOn,
                kind == ServiceEventKind.NEW_OFFENCE ? written : null, details);
        cases.update(c);
        return c;
    }

    /** The case's watchlist screening, for the prison officers of its facility and HQ only. */
    public java.util.Optional<ConvictScreening.Screening> screening(Actor officer, ParoleCase c) {
        return (officer.role() == Role.PRISON_OFFICER && c.isVisibleTo(officer)) || officer.role() == Role.ADMINISTRATOR
                ? java.util.Optional.of(screening.of(c)) : java.util.Optional.empty();
    }

    /** HQ decides a watchlist hit on the case. */
    @Transactional
    public ParoleCase decideHit(Actor officer, ParoleReference reference, java.util.UUID hit,
                                ConvictScreening.HitStatus decision) {
        ParoleCase c = open(officer, reference);
        screening.decide(officer, c, hit, decision);
        return c;
    }

    /** The service events an actor may record on the case now. */
    public Set<ServiceEventKind> serviceEventKinds(Actor officer, ParoleCase c) {
        return c.isVisibleTo(officer) ? ServiceEventKind.available(c.stage(), officer.role()) : Set.of();
    }

    private static Ruling ruling(ParoleAction a) {
        return a.ruling() == null ? null
                : new Ruling(a.ruling().court(), a.ruling().caseNumber(), a.ruling().effectiveAt());
    }

    /** The edges the officer may take on the case now. */
    public Set<Transition> actions(Actor officer, ParoleCase c) {
        return c.isVisibleTo(officer) ? Transition.available(c.stage(), officer.role()) : Set.of();
    }

    /** The stages each role works, as its queue lists them (each role sees the case in these stages). */
    public static java.util.Set<Stage> queueStages(Role role) {
        return switch (role) {
            case PRISON_OFFICER -> java.util.EnumSet.of(Stage.APPLIED, Stage.ACCEPTED, Stage.SCREENED,
                    Stage.EXAMINED, Stage.PETITIONED, Stage.RELEASED);
            case MEDICAL_BOARD -> java.util.EnumSet.of(Stage.SCREENED);
            case UNIT_COMMANDER -> java.util.EnumSet.of(Stage.EXAMINED);
            case COURT_CLERK -> java.util.EnumSet.of(Stage.PETITIONED);
            case ESCORT -> java.util.EnumSet.of(Stage.RELEASED);
            case TCC_OFFICER -> java.util.EnumSet.of(Stage.HANDED_OVER);
            case SUPERVISING_OFFICER -> java.util.EnumSet.of(Stage.IN_SERVICE, Stage.ABSENT);
            case PROSECUTOR -> java.util.EnumSet.of(Stage.ABSENT);
            case ADMINISTRATOR -> java.util.EnumSet.complementOf(java.util.EnumSet.of(Stage.DISCHARGED,
                    Stage.NOT_ELIGIBLE, Stage.UNFIT, Stage.DECLINED, Stage.REFUSED, Stage.WITHDRAWN,
                    Stage.RETURNED_TO_CUSTODY));
            default -> throw new ParoleRefusedException(Refusal.ROLE_NOT_PERMITTED, null,
                    "parole queues are for the program's officers");
        };
    }

    /**
     * The officer's queue: a prison officer's facility, a supervising officer's unit, the stages the role works
     * (narrowed to the asked ones); a page of {@code limit} after the position.
     */
    public List<ParoleCases.QueueRow> queue(Actor officer, java.util.Set<Stage> asked, String after, int limit) {
        java.util.Set<Stage> stages = java.util.EnumSet.copyOf(queueStages(officer.role()));
        if (asked != null && !asked.isEmpty()) {
            stages.retainAll(asked);
        }
        if (stages.isEmpty()) {
            return List.of();
        }
        String facility = null;
        String unit = null;
        if (officer.role() == Role.PRISON_OFFICER || officer.role() == Role.SUPERVISING_OFFICER) {
            if (officer.unit() == null) {
                return List.of();
            }
            facility = officer.role() == Role.PRISON_OFFICER ? officer.unit().code() : null;
            unit = officer.role() == Role.SUPERVISING_OFFICER ? officer.unit().code() : null;
        }
        return cases.queue(stages, facility, unit, after, Math.max(1, Math.min(limit, 200)));
    }

    /** The most rows of one page of the eligible-soon list. */
    public static final int MAX_ELIGIBLE_SOON_PAGE = 500;

    /**
     * Convicts of the prison officer's facility who become eligible within the given number of days, soonest first:
     * all of them when {@code limit} is null (the list as PRODUCT.md promises it), else a page of at most
     * {@code limit} after the position {@code after} (see {@link ParoleCases.EligibleSoon#position()}).
     */
    public List<ParoleCases.EligibleSoon> eligibleSoon(Actor officer, int days, String after, Integer limit) {
        if (officer.role() != Role.PRISON_OFFICER || officer.unit() == null) {
            throw new ParoleRefusedException(Refusal.ROLE_NOT_PERMITTED, null,
                    "the eligible-soon list is a prison facility's");
        }
        if (days < 0 || days > MAX_ELIGIBLE_SOON_DAYS) {
            throw ParoleProblem.invalid("days must be between 0 and " + MAX_ELIGIBLE_SOON_DAYS);
        }
        if (limit != null && (limit < 1 || limit > MAX_ELIGIBLE_SOON_PAGE)) {
            throw ParoleProblem.invalid("limit must be between 1 and " + MAX_ELIGIBLE_SOON_PAGE);
        }
        LocalDate today = today();
        return cases.eligibleSoon(officer.unit().code(), today, today.plusDays(days), after, limit);
    }

    /**
     * The hand-over board: escorts and administrators see every released convict waiting, a prison officer those of
     * the facility, a supervising officer those accepted into the unit; nobody else.
     */
    public List<HandOverClock.Waiting> handOverBoard(Actor officer) {
        List<HandOverClock.Waiting> all = clock().board(500);
        return switch (officer.role()) {
            case ESCORT, ADMINISTRATOR -> all;
            case SUPERVISING_OFFICER -> all.stream().filter(w -> w.commanderUnit() != null && officer.mayActOn(
                    legion.shared.Unit.of(legion.shared.Unit.MILITARY_UNIT, w.commanderUnit()))).toList();
            case PRISON_OFFICER -> all.stream()
                    .filter(w -> officer.mayActOn(legion.shared.Unit.of(legion.shared.Unit.PRISON, w.facility())))
                    .toList();
            default -> throw new ParoleRefusedException(Refusal.ROLE_NOT_PERMITTED, null,
                    "the hand-over board is for escorts, prison officers and HQ");
        };
    }

    private HandOverClock clock() {
        return handOvers;
    }

    /** The time the program's clocks read now (the hand-over board counts from it). */
    public Instant instant() {
        return now();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return policies.today();
    }
}
