package legion.enlistment;

import static legion.enlistment.Stage.*;

import java.util.EnumSet;
import java.util.Set;

import legion.shared.Role;
import legion.shared.StageEdge;

/**
 * The successor table of the stage machine: every edge with the stages it leaves from, the stage it reaches,
 * the roles that may take it and whether a reason must be given. Anything not listed here is illegal.
 */
public enum Transition implements StageEdge.Table<Stage> {
    START_REVIEW(EnumSet.of(SUBMITTED), IN_REVIEW, false, Role.EMBASSY_OFFICER),
    REQUEST_INFORMATION(EnumSet.of(IN_REVIEW), INFO_REQUESTED, true, Role.EMBASSY_OFFICER),
    RECEIVE_INFORMATION(EnumSet.of(INFO_REQUESTED), IN_REVIEW, false, Role.VOLUNTEER, Role.EMBASSY_OFFICER),
    INVITE_TO_INTERVIEW(EnumSet.of(IN_REVIEW), INTERVIEW, false, Role.EMBASSY_OFFICER),
    RECOMMEND(EnumSet.of(INTERVIEW), VETTING, true, Role.EMBASSY_OFFICER),
    APPROVE(EnumSet.of(VETTING), APPROVED, false, Role.VETTING_OFFICER),
    AUTHORIZE(EnumSet.of(APPROVED), AUTHORIZED, false, Role.VETTING_OFFICER, Role.SYSTEM),
    CONFIRM_ARRIVAL(EnumSet.of(AUTHORIZED), ARRIVED, false, Role.RECEPTION_OFFICER),
    ENLIST(EnumSet.of(ARRIVED), ENLISTED, false, Role.RECEPTION_OFFICER),
    REJECT(Stage.open(), REJECTED, true, Role.EMBASSY_OFFICER, Role.VETTING_OFFICER),
    WITHDRAW(Stage.open(), WITHDRAWN, false, Role.VOLUNTEER),
    REVOKE(EnumSet.of(AUTHORIZED), REVOKED, true, Role.VETTING_OFFICER);

    private final StageEdge<Stage> edge;

    Transition(Set<Stage> from, Stage to, boolean reasonRequired, Role first, Role... more) {
        this.edge = StageEdge.of(from, to, reasonRequired, first, more);
    }

    @Override
    public StageEdge<Stage> edge() {
        return edge;
    }

    /**
     * Whether an actor of this role may take this edge from the given stage. A rejection is taken by the officer
     * role that owns the stage: the embassy in its stages, HQ vetting in {@code VETTING} and {@code APPROVED}.
     */
    public boolean permits(Role role, Stage stage) {
        if (!edge.takenBy(role)) {
            return false;
        }
        return this != REJECT || stage.owner() == role;
    }

    /** The edges an actor of this role may take from the given stage, in table order. */
    public static Set<Transition> available(Stage stage, Role role) {
        return StageEdge.Table.rows(Transition.class, t -> t.leavesFrom(stage) && t.permits(role, stage));
    }
}
