package legion.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import legion.audit.AuditLog;
import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.shared.Actor;

/**
 * The Legion's screening of its cases, for the other modules and the pages: whether a case is screened and what holds
 * it, its hits and possible duplicates, and vetting officers' decisions on them (each one audited and kept in the
 * case's screening history). Screening itself runs in the background ({@link ScreeningWorker}); a case an officer
 * wants to approve is screened at once if the lists are ready and the worker has not reached it yet.
 *
 * <p>Fails closed: a case is {@link Status#SCREENED} only when it has been screened against the current version of
 * every configured list and against the other applications; until then APPROVE is held ({@link Hold}).
 */
@Service
public class CaseScreening {

    /** Whether a case has been screened against every configured list at its current version. */
    public enum Status { PENDING, SCREENED }

    /** A hit as shown to vetting officers. */
    public record HitView(long id, String list, String listId, String matchedName, double score, String reasons,
                          String status, String proposedBy, String decidedBy, boolean flagged) {
        public boolean holds() {
            return WatchlistHit.Status.valueOf(status).holds();
        }
    }

    /** A possible duplicate as shown on one of its two cases ({@code other} is the other one). */
    public record DuplicateView(long id, Reference other, String otherStage, String otherEmbassy, double score,
                               boolean certain, boolean blocklisted, String reasons, String status, String proposedBy,
                               String decidedBy) {
        public boolean holds() {
            return PossibleDuplicate.Status.valueOf(status).holds();
        }
    }

    /** One decision on a finding, for the case history. */
    public record DecisionView(Instant at, String actor, String actorRole, String finding, long findingId,
                               String decision, String from, String to) {
    }

    /** Everything screening found for a case. */
    public record Findings(Status status, Map<String, String> listVersions, List<HitView> hits,
                           List<DuplicateView> duplicates, List<DecisionView> decisions) {
        public boolean screened() {
            return status == Status.SCREENED;
        }

        /** What holds APPROVE, if anything. */
        public Optional<Hold> hold() {
            if (status != Status.SCREENED) {
                return Optional.of(Hold.SCREENING_PENDING);
            }
            if (hits.stream().anyMatch(HitView::holds)) {
                return Optional.of(Hold.WATCHLIST_HIT);
            }
            if (duplicates.stream().anyMatch(DuplicateView::holds)) {
                return Optional.of(Hold.POSSIBLE_DUPLICATE);
            }
            return Optional.empty();
        }

        public boolean holds() {
            return hold().isPresent();
        }

        /** A hit found after the case was authorized is open: border guards refer the traveller to second line. */
        public boolean referToSecondLine() {
            return hits.stream().anyMatch(h -> h.flagged() && h.holds());
        }
    }

    private final Enlistments enlistments;
    private final JdbcClient jdbc;
    private final ScreeningLists lists;
    private final CaseScreener screener;
    private final ScreeningFindings findings;
    private final AuditLog audit;
    private final TransactionTemplate ownTx;

    CaseScreening(Enlistments enlistments, JdbcClient jdbc, ScreeningLists lists, CaseScreener screener,
                  ScreeningFindings findings, AuditLog audit, TransactionTemplate tx) {
        this.enlistments = enlistments;
        this.jdbc = jdbc;
        this.lists = lists;
        this.screener = screener;
        this.findings = findings;
        this.audit = audit;
        // inline screening runs in its own transaction, also inside an officer's action: a concurrent screening of the
        // same case (a worker) must not abort the caller's transaction
        this.ownTx = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether the case is screened against the current version of every configured list (and the other cases). */
    public Status status(EnlistmentId id) {
        return status(id, lists.currentVersions());
    }

    private Status status(EnlistmentId id, Map<String, String> versions) {
        if (versions.size() < lists.sources().size()) {
            return Status.PENDING; // a configured list has never loaded anywhere
        }
        if (jdbc.sql("select count(*) from screening_result where enlistment_id = ?").param(id.value())
                .query(Long.class).single() == 0) {
            return Status.PENDING;
        }
        for (Map.Entry<String, String> v : versions.entrySet()) {
            if (jdbc.sql("select count(*) from screening_run where enlistment_id = ? and list = ? and list_version = ?")
                    .params(id.value(), v.getKey(), v.getValue()).query(Long.class).single() == 0) {
                return Status.PENDING;
            }
        }
        return Status.SCREENED;
    }

    /**
     * What holds APPROVE of this case now, if anything. A case not screened yet is screened first when this node has
     * every list loaded at its current version; otherwise it stays pending (it waits, it never passes).
     */
    public Optional<Hold> holdOf(EnlistmentId id) {
        screenNow(id);
        return findings(id).hold();
    }

    /** Screens a pending case now, if the lists are ready on this node; waits for a worker holding it. */
    public void screenNow(EnlistmentId id) {
        if (status(id) == Status.SCREENED || !lists.ready(lists.currentVersions())) {
            return;
        }
        try {
            ownTx.executeWithoutResult(s -> {
                List<Long> rows = jdbc.sql("select id from screening_work where enlistment_id = ? for update")
                        .param(id.value()).query(Long.class).list();
                Map<String, String> versions = lists.currentVersions(); // after the lock, as a worker reads them
                if (!lists.ready(versions)) {
                    return;
                }
                screener.screen(id, versions);
                rows.forEach(r -> jdbc.sql("delete from screening_work where id = ?").param(r).update());
            });
        } catch (DataIntegrityViolationException e) {
            // screened at the same moment elsewhere: what it recorded counts
        }
    }

    /** What screening found for a case (does not screen). */
    public Findings findings(EnlistmentId id) {
        Map<String, String> versions = lists.currentVersions();
        UUID caseId = id.value();
        List<HitView> hits = findings.hits(caseId).stream().map(h -> new HitView(h.id(), h.list(), h.listId(),
                h.matchedName(), h.score(), h.reasons(), h.status().name(), h.proposedBy(), h.decidedBy(),
                h.flagged())).toList();
        List<DuplicateView> dups = new ArrayList<>();
        for (PossibleDuplicate d : findings.duplicates(caseId)) {
            UUID otherId = d.caseId().equals(caseId) ? d.otherId() : d.caseId();
            Enlistment other = enlistments.findById(new EnlistmentId(otherId)).orElse(null);
            if (other == null) {
                continue;
            }
            dups.add(new DuplicateView(d.id(), other.reference(), other.stage().name(), other.embassyCode(), d.score(),
                    d.certain(), d.blocklisted(), d.reasons(), d.status().name(), d.proposedBy(), d.decidedBy()));
        }
        List<DecisionView> decisions = findings.decisions(caseId).stream().map(d -> new DecisionView(d.at(), d.actor(),
                d.actorRole(), d.finding(), d.findingId(), d.decision(), d.from(), d.to())).toList();
        return new Findings(status(id, versions), new LinkedHashMap<>(versions), hits, List.copyOf(dups), decisions);
    }

    /** Confirms a hit (it keeps holding the case; the officer will normally reject it). */
    @Transactional
    public void confirmHit(Actor actor, EnlistmentId caseId, long hitId) {
        WatchlistHit h = hit(caseId, hitId);
        h.confirm(actor);
        store(h, caseId);
    }

    /**
     * Clearing needs four eyes: the first officer proposes, a second, different officer clears.
     *
     * @throws FindingRefusedException with {@code FOUR_EYES} when the officer who proposed tries to clear it too
     */
    @Transactional
    public void clearHit(Actor actor, EnlistmentId caseId, long hitId) {
        WatchlistHit h = hit(caseId, hitId);
        if (h.status() == WatchlistHit.Status.OPEN) {
            h.proposeClear(actor);
        } else {
            h.clear(actor);
        }
        store(h, caseId);
    }

    /**
     * Labels a possible duplicate as the same person (LINKED) or not: dismissing needs four eyes, the first officer
     * proposes, a second, different officer dismisses.
     */
    @Transactional
    public void decideDuplicate(Actor actor, EnlistmentId caseId, long duplicateId, boolean samePerson) {
        PossibleDuplicate d = findings.duplicate(caseId.value(), duplicateId).orElseThrow(() ->
                new FindingRefusedException(FindingRefusedException.Reason.NOT_FOUND, "no such duplicate on this case"));
        if (samePerson) {
            d.link(actor);
        } else if (d.status() == PossibleDuplicate.Status.OPEN) {
            d.proposeDismiss(actor);
        } else {
            d.dismiss(actor);
        }
        if (!findings.update(d)) {
            throw decidedMeanwhile();
        }
        audit(d.decided(), caseId);
    }

    private WatchlistHit hit(EnlistmentId caseId, long hitId) {
        return findings.hit(caseId.value(), hitId).orElseThrow(() ->
                new FindingRefusedException(FindingRefusedException.Reason.NOT_FOUND, "no such hit on this case"));
    }

    private void store(WatchlistHit h, EnlistmentId caseId) {
        if (!findings.update(h)) {
            throw decidedMeanwhile();
        }
        audit(h.decided(), caseId);
    }

    private void audit(FindingDecided d, EnlistmentId caseId) {
        String reference = enlistments.findById(caseId).map(e -> e.reference().value()).orElse(null);
        audit.append(d.actor(), d.actorRole(), "SCREENING_" + d.finding() + "_" + d.decision(), reference,
                d.finding().toLowerCase(java.util.Locale.ROOT) + " " + d.findingId() + ": " + d.from() + " -> " + d.to());
    }

    private static FindingRefusedException decidedMeanwhile() {
        return new FindingRefusedException(FindingRefusedException.Reason.ILLEGAL_STATUS,
                "another officer decided this finding meanwhile");
    }

    /** Whether an open hit found after authorization asks border guards to refer the traveller to second line. */
    public boolean referToSecondLine(EnlistmentId id) {
        return jdbc.sql("select count(*) from screening_hit where enlistment_id = ? and flagged = true "
                        + "and status <> 'CLEARED'").param(id.value()).query(Long.class).single() > 0;
    }

    /** The cases with an open hit found after authorization (the vetting officers' "flagged" queue filter). */
    public List<EnlistmentId> flaggedCases(int limit) {
        return jdbc.sql("select distinct enlistment_id from screening_hit where flagged = true and status <> 'CLEARED' "
                        + "limit ?").param(limit).query(UUID.class).list().stream().map(EnlistmentId::new).toList();
    }

    /** Versions of the lists loaded on this node, for the case page. */
    public Map<String, String> listVersions() {
        return lists.loadedVersions();
    }
}
