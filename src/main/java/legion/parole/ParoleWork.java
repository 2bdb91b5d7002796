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
 * officers' actions on the stage machine ({@link ParoleQueues} has their lists). Days are judged in Kyiv.
 */
@org.springframework.stereotype.Service
public class ParoleWork {

    private final ParoleCases cases;
    private final ParolePolicies policies;
    private final Clock clock;

    private final ConvictScreening screening;

    private final org.springframework.transaction.support.TransactionTemplate tx;

    ParoleWork(ParoleCases cases, ParolePolicies policies, ConvictScreening screening,
               org.springframework.transaction.support.TransactionTemplate tx, ObjectProvider<Clock> clocks) {
        this.screening = screening;
        this.tx = tx;
        this.cases = cases;
        this.policies = policies;
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
