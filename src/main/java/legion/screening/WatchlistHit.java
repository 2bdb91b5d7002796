package legion.screening;

import static legion.screening.WatchlistHit.Status.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import legion.shared.Actor;
import legion.shared.Role;

/**
 * A possible match of a case with a listed person (a watchlist entry, or the blocklist of people rejected for security
 * reasons). Lifecycle: {@code OPEN → CLEAR_PROPOSED → CLEARED} (clearing with four eyes: the second officer is never the
 * one who proposed), {@code OPEN | CLEAR_PROPOSED → CONFIRMED}. Every status but {@code CLEARED} holds APPROVE. Moved
 * only by {@link #confirm}, {@link #proposeClear} and {@link #clear}, each guarded by the {@link Decision} table; each
 * registers one {@link FindingDecided}. {@code flagged} marks a hit found by re-screening a case that was authorized
 * or later: border guards are told to refer the traveller to the second line.
 */
public final class WatchlistHit {

    /** The status of a hit. */
    public enum Status {
        OPEN, CLEAR_PROPOSED, CLEARED, CONFIRMED;

        /** Whether a hit in this status holds the case (everything but a cleared hit does). */
        public boolean holds() {
            return this != CLEARED;
        }
    }

    /** The successor table: each decision, the statuses it leaves from and the status it reaches. */
    public enum Decision {
        CONFIRM(EnumSet.of(OPEN, CLEAR_PROPOSED), CONFIRMED),
        PROPOSE_CLEAR(EnumSet.of(OPEN), CLEAR_PROPOSED),
        CLEAR(EnumSet.of(CLEAR_PROPOSED), CLEARED);

        private final Set<Status> from;
        private final Status to;

        Decision(Set<Status> from, Status to) {
            this.from = from;
            this.to = to;
        }

        public Set<Status> from() {
            return EnumSet.copyOf(from);
        }

        public Status to() {
            return to;
        }
    }

    private final long id;
    private final UUID caseId;
    private final String list;
    private final String listId;
    private final String matchedName;
    private final double score;
    private final String reasons;
    private final boolean flagged;
    private Status status;
    private String proposedBy;
    private String decidedBy;
    private FindingDecided decided;

    public WatchlistHit(long id, UUID caseId, String list, String listId, String matchedName, double score,
                        String reasons, boolean flagged, Status status, String proposedBy, String decidedBy) {
        this.id = id;
        this.caseId = Objects.requireNonNull(caseId);
        this.list = list;
        this.listId = listId;
        this.matchedName = matchedName;
        this.score = score;
        this.reasons = reasons;
        this.flagged = flagged;
        this.status = Objects.requireNonNull(status);
        this.proposedBy = proposedBy;
        this.decidedBy = decidedBy;
    }

    /** The officer confirms the match; the hit keeps holding the case (it will normally be rejected). */
    public void confirm(Actor actor) {
        decide(Decision.CONFIRM, actor);
        decidedBy = actor.id();
    }

    /** The first officer proposes to clear the hit (not the person listed). */
    public void proposeClear(Actor actor) {
        decide(Decision.PROPOSE_CLEAR, actor);
        proposedBy = actor.id();
    }

    /** A second officer, never the one who proposed, clears the hit. */
    public void clear(Actor actor) {
        guard(Decision.CLEAR, actor);
        if (actor.id().equals(proposedBy)) {
            throw new FindingRefusedException(FindingRefusedException.Reason.FOUR_EYES,
                    "four eyes: another vetting officer must confirm the clearing");
        }
        decide(Decision.CLEAR, actor);
        decidedBy = actor.id();
    }

    private void guard(Decision d, Actor actor) {
        if (actor.role() != Role.VETTING_OFFICER) {
            throw new FindingRefusedException(FindingRefusedException.Reason.ROLE_NOT_PERMITTED,
                    "only vetting officers decide screening findings");
        }
        if (!d.from.contains(status)) {
            throw new FindingRefusedException(FindingRefusedException.Reason.ILLEGAL_STATUS,
                    d + " is not possible for a hit that is " + status);
        }
    }

    private void decide(Decision d, Actor actor) {
        guard(d, actor);
        Status from = status;
        status = d.to;
        decided = new FindingDecided(caseId, "HIT", id, d.name(), from.name(), status.name(), actor.id(),
                actor.role().name(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The decision taken on this instance and not yet stored, or null. */
    FindingDecided decided() {
        return decided;
    }

    public long id() { return id; }
    public UUID caseId() { return caseId; }
    public String list() { return list; }
    public String listId() { return listId; }
    public String matchedName() { return matchedName; }
    public double score() { return score; }
    public String reasons() { return reasons; }
    public boolean flagged() { return flagged; }
    public Status status() { return status; }
    public String proposedBy() { return proposedBy; }
    public String decidedBy() { return decidedBy; }

    public boolean holds() {
        return status.holds();
    }
}
