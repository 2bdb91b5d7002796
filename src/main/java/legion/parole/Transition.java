package legion.parole;

import static legion.parole.Stage.*;
import static legion.shared.Role.*;

import java.util.EnumSet;
import java.util.Set;

import legion.shared.Role;
import legion.shared.StageEdge;

/**
 * The successor table of a parole case: for each edge the stages it leaves from, the stage it reaches, the roles
 * that may take it and whether a reason must be given. Anything not listed is illegal. Each role acts only in its
 * own stages: the prison administration files, screens, petitions and records withdrawals and releases decided
 * without a court; the medical board examines; the commander accepts or declines; the court clerk records the
 * ruling; the escort hands over; the recruitment centre signs the contract; the supervising officer follows the
 * service; the prosecutor returns an absent or re-offending serviceman to custody.
 */
public enum Transition implements StageEdge.Table<Stage> {
    SCREEN(EnumSet.of(APPLIED), SCREENED, false, PRISON_OFFICER, SYSTEM),
    FIND_NOT_ELIGIBLE(EnumSet.of(APPLIED), NOT_ELIGIBLE, false, PRISON_OFFICER, SYSTEM),
    FIND_FIT(EnumSet.of(SCREENED), EXAMINED, false, MEDICAL_BOARD),
    FIND_UNFIT(EnumSet.of(SCREENED), UNFIT, true, MEDICAL_BOARD),
    ACCEPT(EnumSet.of(EXAMINED), ACCEPTED, true, UNIT_COMMANDER),
    DECLINE(EnumSet.of(EXAMINED), DECLINED, true, UNIT_COMMANDER),
    PETITION(EnumSet.of(ACCEPTED), PETITIONED, false, PRISON_OFFICER),
    RELEASE(EnumSet.of(PETITIONED), RELEASED, false, COURT_CLERK),
    REFUSE(EnumSet.of(PETITIONED), REFUSED, true, COURT_CLERK),
    RELEASE_AT_HIGHEST_LEVEL(Stage.open(), RELEASED, true, PRISON_OFFICER),
    HAND_OVER(EnumSet.of(RELEASED), HANDED_OVER, false, ESCORT),
    SIGN_CONTRACT(EnumSet.of(HANDED_OVER), IN_SERVICE, false, TCC_OFFICER),
    REPORT_ABSENCE(EnumSet.of(IN_SERVICE), ABSENT, true, SUPERVISING_OFFICER),
    RETURN_TO_UNIT(EnumSet.of(ABSENT), IN_SERVICE, true, SUPERVISING_OFFICER),
    RETURN_TO_CUSTODY(EnumSet.of(IN_SERVICE, ABSENT), RETURNED_TO_CUSTODY, true, PROSECUTOR),
    DISCHARGE(EnumSet.of(IN_SERVICE), DISCHARGED, true, SUPERVISING_OFFICER),
    WITHDRAW(Stage.open(), WITHDRAWN, true, PRISON_OFFICER);

    private final StageEdge<Stage> edge;

    Transition(Set<Stage> from, Stage to, boolean reasonRequired, Role first, Role... more) {
        this.edge = StageEdge.of(from, to, reasonRequired, first, more);
    }

    @Override
    public StageEdge<Stage> edge() {
        return edge;
    }

    public boolean permits(Role role) {
        return edge.takenBy(role);
    }

    /** The edges an actor of this role may take from the given stage, in table order. */
    public static Set<Transition> available(Stage stage, Role role) {
        return StageEdge.Table.rows(Transition.class, t -> t.leavesFrom(stage) && t.permits(role));
    }
}
