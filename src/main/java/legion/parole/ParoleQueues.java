package legion.parole;

import java.time.LocalDate;
import java.util.List;

import legion.parole.ParoleRefusedException.Refusal;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * What each of the program's officers lists: the role's queue (a prison officer's facility, a supervising officer's
 * unit), a facility's convicts who become eligible soon, the hand-over board. Scopes are applied here, before any
 * row is read.
 */
@org.springframework.stereotype.Service
public class ParoleQueues {

    public static final int MAX_ELIGIBLE_SOON_DAYS = 3660;

    private final ParoleQueries queries;
    private final ParolePolicies policies;
    private final HandOverClock handOvers;

    ParoleQueues(ParoleQueries queries, ParolePolicies policies, HandOverClock handOvers) {
        this.queries = queries;
        this.policies = policies;
        this.handOvers = handOvers;
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
    public List<ParoleQueries.QueueRow> queue(Actor officer, java.util.Set<Stage> asked, String after, int limit) {
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
        return queries.queue(stages, facility, unit, after, Math.max(1, Math.min(limit, 200)));
    }

    /** The most rows of one page of the eligible-soon list. */
    public static final int MAX_ELIGIBLE_SOON_PAGE = 500;

    /**
     * Convicts of the prison officer's facility who become eligible within the given number of days, soonest first:
     * all of them when {@code limit} is null (the list as PRODUCT.md promises it), else a page of at most
     * {@code limit} after the position {@code after} (see {@link ParoleQueries.EligibleSoon#position()}).
     */
    public List<ParoleQueries.EligibleSoon> eligibleSoon(Actor officer, int days, String after, Integer limit) {
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
        LocalDate today = policies.today();
        return queries.eligibleSoon(officer.unit().code(), today, today.plusDays(days), after, limit);
    }

    /**
     * The hand-over board: escorts and administrators see every released convict waiting, a prison officer those of
     * the facility, a supervising officer those accepted into the unit; nobody else.
     */
    public List<HandOverClock.Waiting> handOverBoard(Actor officer) {
        List<HandOverClock.Waiting> all = handOvers.board(500);
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
}
