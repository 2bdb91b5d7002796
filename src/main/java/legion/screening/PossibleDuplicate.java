package legion.screening;

import static legion.screening.PossibleDuplicate.Status.*;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import legion.shared.Actor;

/**
 * Another application of (perhaps) the same person. Lifecycle: {@code OPEN → LINKED} (the same person: the case is then
 * rejected as a duplicate or joined with the other), {@code OPEN → DISMISS_PROPOSED → DISMISSED} (not the same person,
 * with four eyes as clearing a hit), {@code DISMISS_PROPOSED → LINKED}. {@code OPEN} and {@code DISMISS_PROPOSED} hold
 * APPROVE. Moved only by {@link #link}, {@link #proposeDismiss} and {@link #dismiss}, guarded by the {@link Decision}
 * table; each registers one {@link FindingDecided} (the guards and four eyes are {@link Finding}'s).
 */
public final class PossibleDuplicate extends Finding<PossibleDuplicate.Status, PossibleDuplicate.Decision> {

    /** The status of a possible duplicate. */
    public enum Status {
        OPEN, DISMISS_PROPOSED, DISMISSED, LINKED;

        /** Undecided duplicates hold the case. */
        public boolean holds() {
            return this == OPEN || this == DISMISS_PROPOSED;
        }
    }

    /** The successor table: each decision, the statuses it leaves from and the status it reaches. */
    public enum Decision implements Finding.Edge<Status> {
        LINK(EnumSet.of(OPEN, DISMISS_PROPOSED), LINKED),
        PROPOSE_DISMISS(EnumSet.of(OPEN), DISMISS_PROPOSED),
        DISMISS(EnumSet.of(DISMISS_PROPOSED), DISMISSED);

        private final Set<Status> from;
        private final Status to;

        Decision(Set<Status> from, Status to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public Set<Status> from() {
            return EnumSet.copyOf(from);
        }

        @Override
        public Status to() {
            return to;
        }
    }

    private final UUID otherId;
    private final double score;
    private final boolean certain;
    private final boolean blocklisted;
    private final String reasons;

    public PossibleDuplicate(long id, UUID caseId, UUID otherId, double score, boolean certain, boolean blocklisted,
                             String reasons, Status status, String proposedBy, String decidedBy) {
        super("DUPLICATE", "duplicate", id, caseId, status, proposedBy, decidedBy);
        this.otherId = Objects.requireNonNull(otherId);
        this.score = score;
        this.certain = certain;
        this.blocklisted = blocklisted;
        this.reasons = reasons;
    }

    /** The same person: the hold lifts (the officer then rejects the case as a duplicate, or joins the two). */
    public void link(Actor actor) {
        decide(Decision.LINK, actor);
    }

    /** The first officer proposes that these are different people. */
    public void proposeDismiss(Actor actor) {
        propose(Decision.PROPOSE_DISMISS, actor);
    }

    /** A second officer, never the one who proposed, dismisses the duplicate. */
    public void dismiss(Actor actor) {
        complete(Decision.DISMISS, actor, "four eyes: another vetting officer must confirm the dismissal");
    }

    public UUID otherId() { return otherId; }
    public double score() { return score; }
    public boolean certain() { return certain; }
    public boolean blocklisted() { return blocklisted; }
    public String reasons() { return reasons; }

    @Override
    public boolean holds() {
        return status().holds();
    }
}
