package legion.screening;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import legion.shared.Actor;
import legion.shared.Role;

/**
 * What the screening aggregates ({@link WatchlistHit}, {@link PossibleDuplicate}) share: a status moved only along the
 * edges of the aggregate's own successor table ({@code Decision}), by vetting officers; a proposal by one officer that
 * a second, different officer must complete (four eyes); each decision registered as one {@link FindingDecided} for the
 * history and the audit log. Each aggregate keeps its own status enum, edges and methods named for them.
 *
 * @param <S> the status enum
 * @param <D> the decisions, each one edge of the successor table
 */
public abstract sealed class Finding<S extends Enum<S>, D extends Enum<D> & Finding.Edge<S>>
        permits WatchlistHit, PossibleDuplicate {

    /** One edge of a finding's successor table: the statuses it leaves from and the status it reaches. */
    public interface Edge<S> {
        Set<S> from();

        S to();
    }

    private final String kind;
    private final String noun;
    private final long id;
    private final UUID caseId;
    private S status;
    private String proposedBy;
    private String decidedBy;
    private FindingDecided decided;

    Finding(String kind, String noun, long id, UUID caseId, S status, String proposedBy, String decidedBy) {
        this.kind = kind;
        this.noun = noun;
        this.id = id;
        this.caseId = Objects.requireNonNull(caseId);
        this.status = Objects.requireNonNull(status);
        this.proposedBy = proposedBy;
        this.decidedBy = decidedBy;
    }

    /** Takes an edge that decides the finding: this officer decided it. */
    final void decide(D d, Actor actor) {
        take(d, actor);
        decidedBy = actor.id();
    }

    /** Takes the edge of a proposal: a second officer must complete it ({@link #complete}). */
    final void propose(D d, Actor actor) {
        take(d, actor);
        proposedBy = actor.id();
    }

    /**
     * Completes a proposal, four eyes: never by the officer who proposed.
     *
     * @throws FindingRefusedException with {@code FOUR_EYES} when the proposing officer tries
     */
    final void complete(D d, Actor actor, String fourEyes) {
        guard(d, actor);
        if (actor.id().equals(proposedBy)) {
            throw new FindingRefusedException(FindingRefusedException.Reason.FOUR_EYES, fourEyes);
        }
        decide(d, actor);
    }

    private void guard(D d, Actor actor) {
        if (actor.role() != Role.VETTING_OFFICER) {
            throw new FindingRefusedException(FindingRefusedException.Reason.ROLE_NOT_PERMITTED,
                    "only vetting officers decide screening findings");
        }
        if (!d.from().contains(status)) {
            throw new FindingRefusedException(FindingRefusedException.Reason.ILLEGAL_STATUS,
                    d + " is not possible for a " + noun + " that is " + status);
        }
    }

    private void take(D d, Actor actor) {
        guard(d, actor);
        S from = status;
        status = d.to();
        decided = new FindingDecided(caseId, kind, id, d.name(), from.name(), status.name(), actor.id(),
                actor.role().name(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The decision taken on this instance and not yet stored, or null. */
    FindingDecided decided() {
        return decided;
    }

    /** Whether the finding holds its case in its status. */
    public abstract boolean holds();

    public long id() { return id; }
    public UUID caseId() { return caseId; }
    public S status() { return status; }
    public String proposedBy() { return proposedBy; }
    public String decidedBy() { return decidedBy; }
}
