package legion.screening;

import java.nio.file.Path;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import legion.enlistment.Applicant;
import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.enlistment.RejectionReason;
import legion.enlistment.Stage;
import legion.shared.Actor;
import legion.shared.Role;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Screens every application, in the background and once across nodes: against the configured watchlists
 * ({@code legion.screening.lists=un=FILE.xml,ofac=DIR}) and against every other application (the same passport number
 * is certain; the rest is scored by {@link DuplicateIndex} with the shipped {@code screening/applicants.yml}). A
 * duplicate of a person rejected for security reasons is a blocklist hit. Open hits hold a case: it cannot be approved
 * until a vetting officer confirms or clears them (clearing with four eyes).
 */
@Service
public class CaseScreening {

    private static final Logger LOG = LoggerFactory.getLogger(CaseScreening.class);

    private final Enlistments enlistments;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;
    private final String listsConfig;
    private volatile Screener screener = new Screener(List.of());
    private final DuplicateIndex duplicates = new DuplicateIndex(LinkageConfig.fromClasspath("screening/applicants.yml"));
    private final Set<UUID> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private OffsetDateTime lastSync;

    CaseScreening(Enlistments enlistments, JdbcClient jdbc, TransactionTemplate tx,
                  @Value("${legion.screening.lists:}") String listsConfig) {
        this.enlistments = enlistments;
        this.jdbc = jdbc;
        this.tx = tx;
        this.listsConfig = listsConfig;
        // screening runs in its own transaction, also when called inside an officer's action: a concurrent screening
        // of the same case (the background job) must not abort the caller's transaction
        this.ownTx = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.ownTx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A hit as shown to vetting officers. */
    public record HitView(long id, String list, String listId, String matchedName, double score, String reasons,
                          String status, String proposedBy, String decidedBy) {
        public boolean holds() {
            return !"CLEARED".equals(status);
        }
    }

    /** A possible duplicate as shown to vetting officers. */
    public record DuplicateView(long id, Reference other, String otherStage, String otherEmbassy, double score,
                               boolean certain, boolean blocklisted, String reasons, String status, String decidedBy) {
    }

    /** Everything screening found for a case; {@code screened} is false until it ran. */
    public record Findings(boolean screened, List<HitView> hits, List<DuplicateView> duplicates) {
        public boolean holds() {
            return !screened || hits.stream().anyMatch(HitView::holds);
        }
    }

    /**
     * Loads (or reloads) the configured watchlists; keeps their versions. Runs at start and every hour, on every node
     * and without a cluster lease: each node matches against its own copy in memory.
     */
    @Scheduled(fixedDelayString = "${legion.screening.reload-interval-ms:3600000}", initialDelay = 0)
    public synchronized void loadLists() {
        if (listsConfig.isBlank()) {
            return;
        }
        List<Watchlist> lists = new ArrayList<>();
        for (String item : listsConfig.split(",")) {
            String[] kv = item.strip().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalStateException("legion.screening.lists entries are source=path (un=…, ofac=…)");
            }
            Watchlist list = Watchlists.load(kv[0].strip(), Path.of(kv[1].strip()));
            lists.add(list);
            tx.executeWithoutResult(s -> {
                var now = OffsetDateTime.now(ZoneOffset.UTC);
                int n = jdbc.sql("update screening_list set version = ?, entries = ?, loaded_at = ? where source = ?")
                        .params(list.version(), list.entries().size(), now, list.source()).update();
                if (n == 0) {
                    jdbc.sql("insert into screening_list (source, version, entries, loaded_at) values (?, ?, ?, ?)")
                            .params(list.source(), list.version(), list.entries().size(), now).update();
                }
            });
        }
        screener = new Screener(lists);
        LOG.info("screening: {} watchlist names indexed ({})", screener.indexedNames(), screener.listVersions());
    }

    /** The screening run, on one node at a time (ADR 0041). */
    @Scheduled(fixedDelayString = "${legion.screening.interval-ms:2000}", initialDelay = 3000)
    @SchedulerLock(name = "case-screening", lockAtMostFor = "PT5M")
    void scheduledScreening() {
        screenPending();
    }

    /** Screens the cases not yet screened, a batch at a time. */
    public int screenPending() {
        List<UUID> pending = jdbc.sql("select id from enlistment e where e.erased_at is null and not exists "
                        + "(select 1 from screening_result r where r.enlistment_id = e.id) order by submitted_at limit 200")
                .query(UUID.class).list();
        int done = 0;
        for (UUID id : pending) {
            done += screen(new EnlistmentId(id)) ? 1 : 0;
        }
        return done;
    }

    /** Screens one case now, unless it was screened already (here or on another node). */
    public boolean screen(EnlistmentId id) {
        try {
            return Boolean.TRUE.equals(ownTx.execute(s -> screenInTransaction(id)));
        } catch (DuplicateKeyException e) {
            return false; // another node screened it at the same moment
        }
    }

    private boolean screenInTransaction(EnlistmentId id) {
        if (jdbc.sql("select count(*) from screening_result where enlistment_id = ?").param(id.value())
                .query(Long.class).single() > 0) {
            return false;
        }
        Enlistment e = enlistments.findById(id).orElse(null);
        if (e == null || e.applicant().erased()) {
            return false;
        }
        Applicant a = e.applicant();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into screening_result (enlistment_id, screened_at, list_versions, hits, duplicates) "
                        + "values (?, ?, ?, 0, 0)")
                .params(id.value(), now, String.valueOf(screener.listVersions())).update();
        int hits = 0;
        for (Hit h : screener.screen(new Person(a.givenNames() + " " + a.surname(), a.dateOfBirth(), a.nationality(),
                a.sex()))) {
            insertHit(id, h.list(), h.listId(), h.matchedName(), h.score(), String.join("; ", h.reasons()));
            hits++;
        }
        int dups = 0;
        for (Candidate c : duplicatesOf(e)) {
            jdbc.sql("insert into screening_duplicate (enlistment_id, other_id, score, certain, blocklisted, reasons, "
                            + "status) values (?, ?, ?, ?, ?, ?, 'OPEN')")
                    .params(id.value(), c.other().id().value(), c.score(), c.certain(), c.blocklisted(), c.reasons())
                    .update();
            dups++;
            if (c.blocklisted()) {
                insertHit(id, "blocklist", c.other().reference().value(), "rejected for security reasons", 1.0,
                        "same person as a case rejected for security reasons: " + c.reasons());
                hits++;
            }
        }
        jdbc.sql("update screening_result set hits = ?, duplicates = ? where enlistment_id = ?")
                .params(hits, dups, id.value()).update();
        return true;
    }

    private void insertHit(EnlistmentId id, String list, String listId, String name, double score, String reasons) {
        jdbc.sql("insert into screening_hit (enlistment_id, list, list_id, matched_name, score, reasons, status) "
                        + "values (?, ?, ?, ?, ?, ?, 'OPEN')")
                .params(id.value(), list, truncate(listId, 60), truncate(name, 400), score, truncate(reasons, 1000))
                .update();
    }

    private record Candidate(Enlistment other, double score, boolean certain, boolean blocklisted, String reasons) {
    }

    private List<Candidate> duplicatesOf(Enlistment e) {
        Map<Reference, Candidate> found = new HashMap<>();
        for (Reference r : enlistments.findByPassportNumber(e.applicant().passport().number())) {
            if (!r.equals(e.reference())) {
                enlistments.findByReference(r).ifPresent(o -> found.put(r, candidate(o, 1.0, true, "same passport number")));
            }
        }
        synchronized (duplicates) {
            syncIndex();
            for (ScoredPair p : duplicates.candidates(record(e))) {
                String otherRef = p.id1().equals(e.reference().value()) ? p.id2() : p.id1();
                Reference r = new Reference(otherRef);
                if (!r.equals(e.reference()) && !found.containsKey(r)) {
                    enlistments.findByReference(r).ifPresent(o ->
                            found.put(r, candidate(o, p.score(), false, String.join("; ", p.reasons()))));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static Candidate candidate(Enlistment other, double score, boolean certain, String reasons) {
        boolean blocklisted = other.stage() == Stage.REJECTED && other.rejectionReason() == RejectionReason.SECURITY;
        return new Candidate(other, score, certain, blocklisted, reasons);
    }

    /**
     * Adds the cases this node has not indexed yet (the index is in memory, per node). Only cases submitted since the
     * last sync are listed, with a minute of overlap for transactions that committed late.
     */
    private void syncIndex() {
        OffsetDateTime since = lastSync == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : lastSync.minusMinutes(1);
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> ids = jdbc.sql("select id from enlistment where erased_at is null and submitted_at >= ? "
                        + "order by submitted_at")
                .param(since).query(UUID.class).list();
        lastSync = started;
        for (UUID id : ids) {
            if (indexed.add(id)) {
                enlistments.findById(new EnlistmentId(id)).ifPresent(o -> duplicates.add(record(o)));
            }
        }
    }

    private static Map<String, String> record(Enlistment e) {
        Applicant a = e.applicant();
        Map<String, String> m = new HashMap<>();
        m.put("reference", e.reference().value());
        m.put("given_names", a.givenNames());
        m.put("surname", a.surname());
        m.put("date_of_birth", a.dateOfBirth().toString());
        m.put("nationality", a.nationality());
        m.put("passport_number", a.passport().number());
        m.put("email", a.email() == null ? "" : a.email().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    /** What screening found for a case; screens it first if it has not run yet. */
    public Findings findings(EnlistmentId id) {
        boolean screened = jdbc.sql("select count(*) from screening_result where enlistment_id = ?").param(id.value())
                .query(Long.class).single() > 0;
        if (!screened) {
            screen(id);
            screened = jdbc.sql("select count(*) from screening_result where enlistment_id = ?").param(id.value())
                    .query(Long.class).single() > 0;
        }
        List<HitView> hits = jdbc.sql("select id, list, list_id, matched_name, score, reasons, status, proposed_by, "
                        + "decided_by from screening_hit where enlistment_id = ? order by score desc, id")
                .param(id.value())
                .query((rs, n) -> new HitView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDouble(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
        List<DuplicateView> dups = jdbc.sql("select d.id, e.reference, e.stage, e.embassy_code, d.score, d.certain, "
                        + "d.blocklisted, d.reasons, d.status, d.decided_by from screening_duplicate d "
                        + "join enlistment e on e.id = d.other_id where d.enlistment_id = ? order by d.score desc, d.id")
                .param(id.value())
                .query((rs, n) -> new DuplicateView(rs.getLong(1), new Reference(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getDouble(5), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8),
                        rs.getString(9), rs.getString(10)))
                .list();
        return new Findings(screened, hits, dups);
    }

    /** Confirms a hit (it keeps holding the case; the officer will normally reject it). */
    public void confirmHit(Actor actor, EnlistmentId caseId, long hitId) {
        requireVetting(actor);
        decide(caseId, hitId, "update screening_hit set status = 'CONFIRMED', decided_by = ?, decided_at = ? "
                + "where id = ? and enlistment_id = ? and status in ('OPEN', 'CLEAR_PROPOSED')", actor);
    }

    /**
     * Clearing needs four eyes: the first officer proposes, a second, different officer clears.
     *
     * @throws SecurityException when the officer who proposed tries to clear it too
     */
    public void clearHit(Actor actor, EnlistmentId caseId, long hitId) {
        requireVetting(actor);
        Optional<String[]> hit = jdbc.sql("select status, proposed_by from screening_hit where id = ? and enlistment_id = ?")
                .params(hitId, caseId.value())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        if (hit.isEmpty()) {
            throw new IllegalArgumentException("no such hit on this case");
        }
        if ("OPEN".equals(hit.get()[0])) {
            jdbc.sql("update screening_hit set status = 'CLEAR_PROPOSED', proposed_by = ? where id = ? and status = 'OPEN'")
                    .params(actor.id(), hitId).update();
        } else if ("CLEAR_PROPOSED".equals(hit.get()[0])) {
            if (actor.id().equals(hit.get()[1])) {
                throw new SecurityException("four eyes: another officer must confirm the clearing");
            }
            jdbc.sql("update screening_hit set status = 'CLEARED', decided_by = ?, decided_at = ? where id = ? "
                    + "and status = 'CLEAR_PROPOSED'").params(actor.id(), OffsetDateTime.now(ZoneOffset.UTC), hitId).update();
        } else {
            throw new IllegalArgumentException("this hit is decided already");
        }
    }

    /** Labels a possible duplicate as the same person (LINKED) or not (DISMISSED). */
    public void decideDuplicate(Actor actor, EnlistmentId caseId, long duplicateId, boolean samePerson) {
        requireVetting(actor);
        decide(caseId, duplicateId, "update screening_duplicate set status = '" + (samePerson ? "LINKED" : "DISMISSED")
                + "', decided_by = ?, decided_at = ? where id = ? and enlistment_id = ?", actor);
    }

    private void decide(EnlistmentId caseId, long id, String sql, Actor actor) {
        int n = jdbc.sql(sql).params(actor.id(), OffsetDateTime.now(ZoneOffset.UTC), id, caseId.value()).update();
        if (n != 1) {
            throw new IllegalArgumentException("nothing to decide");
        }
    }

    private static void requireVetting(Actor actor) {
        if (actor.role() != Role.VETTING_OFFICER) {
            throw new SecurityException("only vetting officers decide screening findings");
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Versions of the loaded lists, for the case page. */
    public Map<String, String> listVersions() {
        return screener.listVersions();
    }

}
