package legion.screening;

import static legion.screening.WatchlistHit.Status.*;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import legion.shared.Actor;

/**
 * A possible match of a case with a listed person (a watchlist entry, or the blocklist of people rejected for security
 * reasons). Lifecycle: {@code OPEN → CLEAR_PROPOSED → CLEARED} (clearing with four eyes: the second officer is never the
 * one who proposed), {@code OPEN | CLEAR_PROPOSED → CONFIRMED}. Every status but {@code CLEARED} holds APPROVE. Moved
 * only by {@link #confirm}, {@link #proposeClear} and {@link #clear}, each guarded by the {@link Decision} table; each
 * registers one {@link FindingDecided} (the guards and four eyes are {@link Finding}'s). {@code flagged} marks a hit found by re-screening a case that was authorized
 * or later: border guards are told to refer the traveller to the second line.
 */
public final class WatchlistHit extends Finding<WatchlistHit.Status, WatchlistHit.Decision> {

    /** The status of a hit. */
    public enum Status {
        OPEN, CLEAR_PROPOSED, CLEARED, CONFIRMED;

        /** Whether a hit in this status holds the case (everything but a cleared hit does). */
        public boolean holds() {
            return this != CLEARED;
        }
    }

    /** The successor table: each decision, the statuses it leaves from and the status it reaches. */
    public enum Decision implements Finding.Edge<Status> {
        CONFIRM(EnumSet.of(OPEN, CLEAR_PROPOSED), CONFIRMED),
        PROPOSE_CLEAR(EnumSet.of(OPEN), CLEAR_PROPOSED),
        CLEAR(EnumSet.of(CLEAR_PROPOSED), CLEARED);

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

    private final String list;
    private final String listId;
    private final String matchedName;
    private final double score;
    private final String reasons;
    private final boolean flagged;

    public WatchlistHit(long id, UUID caseId, String list, String listId, String matchedName, double score,
                        String reasons, boolean flagged, Status status, String proposedBy, String decidedBy) {
        super("HIT", "hit", id, caseId, status, proposedBy, decidedBy);
        this.list = list;
        this.listId = listId;
        this.matchedName = matchedName;
        this.score = score;
        this.reasons = reasons;
        this.flagged = flagged;
    }

    /** The officer confirms the match; the hit keeps holding the case (it will normally be rejected). */
    public void confirm(Actor actor) {
        decide(Decision.CONFIRM, actor);
    }

    /** The first officer proposes to clear the hit (not the person listed). */
    public void proposeClear(Actor actor) {
        propose(Decision.PROPOSE_CLEAR, actor);
    }

    /** A second officer, never the one who proposed, clears the hit. */
    public void clear(Actor actor) {
        complete(Decision.CLEAR, actor, "four eyes: another vetting officer must confirm the clearing");
    }

    public String list() { return list; }
    public String listId() { return listId; }
    public String matchedName() { return matchedName; }
    public double score() { return score; }
    public String reasons() { return reasons; }
    public boolean flagged() { return flagged; }

    @Override
    public boolean holds() {
        return status().holds();
    }
}
