package legion.screening;

import static legion.screening.PossibleDuplicate.Status.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import legion.shared.Actor;
import legion.shared.Role;

/**
 * Another application of (perhaps) the same person. Lifecycle: {@code OPEN → LINKED} (the same person: the case is then
 * rejected as a duplicate or joined with the other), {@code OPEN → DISMISS_PROPOSED → DISMISSED} (not the same person,
 * with four eyes as clearing a hit), {@code DISMISS_PROPOSED → LINKED}. {@code OPEN} and {@code DISMISS_PROPOSED} hold
 * APPROVE. Moved only by {@link #link}, {@link #proposeDismiss} and {@link #dismiss}, guarded by the {@link Decision}
 * table; each registers one {@link FindingDecided}.
 */
public final class PossibleDuplicate {

    /** The status of a possible duplicate. */
    public enum Status {
        OPEN, DISMISS_PROPOSED, DISMISSED, LINKED;

        /** Undecided duplicates hold the case. */
        public boolean holds() {
            return this == OPEN || this == DISMISS_PROPOSED;
        }
    }

    /** The successor table: each decision, the statuses it leaves from and the status it reaches. */
    public enum Decision {
        LINK(EnumSet.of(OPEN, DISMISS_PROPOSED), LINKED),
        PROPOSE_DISMISS(EnumSet.of(OPEN), DISMISS_PROPOSED),
        DISMISS(EnumSet.of(DISMISS_PROPOSED), DISMISSED);

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
    private final UUID otherId;
    private final double score;
    private final boolean certain;
    private final boolean blocklisted;
    private final String reasons;
    private Status status;
    private String proposedBy;
    private String decidedBy;
    private FindingDecided decided;

    public PossibleDuplicate(long id, UUID caseId, UUID otherId, double score, boolean certain, boolean blocklisted,
                             String reasons, Status status, String proposedBy, String decidedBy) {
        this.id = id;
        this.caseId = Objects.requireNonNull(caseId);
        this.otherId = Objects.requireNonNull(otherId);
        this.score = score;
        this.certain = certain;
        this.blocklisted = blocklisted;
        this.reasons = reasons;
        this.status = Objects.requireNonNull(status);
        this.proposedBy = proposedBy;
        this.decidedBy = decidedBy;
    }

    /** The same person: the hold lifts (the officer then rejects the case as a duplicate, or joins the two). */
    public void link(Actor actor) {
        decide(Decision.LINK, actor);
        decidedBy = actor.id();
    }

    /** The first officer proposes that these are different people. */
    public void proposeDismiss(Actor actor) {
        decide(Decision.PROPOSE_DISMISS, actor);
        proposedBy = actor.id();
    }

    /** A second officer, never the one who proposed, dismisses the duplicate. */
    public void dismiss(Actor actor) {
        guard(Decision.DISMISS, actor);
        if (actor.id().equals(proposedBy)) {
            throw new FindingRefusedException(FindingRefusedException.Reason.FOUR_EYES,
                    "four eyes: another vetting officer must confirm the dismissal");
        }
        decide(Decision.DISMISS, actor);
        decidedBy = actor.id();
    }

    private void guard(Decision d, Actor actor) {
        if (actor.role() != Role.VETTING_OFFICER) {
            throw new FindingRefusedException(FindingRefusedException.Reason.ROLE_NOT_PERMITTED,
                    "only vetting officers decide screening findings");
        }
        if (!d.from.contains(status)) {
            throw new FindingRefusedException(FindingRefusedException.Reason.ILLEGAL_STATUS,
                    d + " is not possible for a duplicate that is " + status);
        }
    }

    private void decide(Decision d, Actor actor) {
        guard(d, actor);
        Status from = status;
        status = d.to;
        decided = new FindingDecided(caseId, "DUPLICATE", id, d.name(), from.name(), status.name(), actor.id(),
                actor.role().name(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    FindingDecided decided() {
        return decided;
    }

    public long id() { return id; }
    public UUID caseId() { return caseId; }
    public UUID otherId() { return otherId; }
    public double score() { return score; }
    public boolean certain() { return certain; }
    public boolean blocklisted() { return blocklisted; }
    public String reasons() { return reasons; }
    public Status status() { return status; }
    public String proposedBy() { return proposedBy; }
    public String decidedBy() { return decidedBy; }

    public boolean holds() {
        return status.holds();
    }
}
