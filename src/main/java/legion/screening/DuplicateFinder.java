package legion.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import legion.enlistment.Applicant;
import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.enlistment.RejectionReason;
import legion.enlistment.Stage;

/**
 * Finds other applications of the same person: the same passport number is certain (through the enlistment module's
 * blind index); the rest is scored by {@link DuplicateIndex} with the shipped {@code screening/applicants.yml}, kept
 * in memory per node and fed from the enlistment module's API. A duplicate of a case rejected for security reasons
 * is blocklisted.
 */
@Component
class DuplicateFinder {

    /** Another application of perhaps the same person. */
    record Candidate(Enlistments.Standing other, double score, boolean certain, boolean blocklisted,
                     String reasons) {
    }

    private final Enlistments enlistments;
    private final DuplicateIndex index = new DuplicateIndex(LinkageConfig.fromClasspath("screening/applicants.yml"));
    private final Set<UUID> indexed = ConcurrentHashMap.newKeySet();
    /**
     * The cases of the batches this node's workers are screening now, prepared (empty for an erased case): a sync
     * finds the cases of the other workers' batches among the new ones, and takes them from here instead of reading
     * and decrypting them again (a twentieth of screening's time with four workers).
     */
    private final Map<UUID, java.util.Optional<DuplicateIndex.Entry>> inFlight = new ConcurrentHashMap<>();
    private Instant lastSync;
    private Instant lastWideSync;

    /**
     * How far back a sync looks before the last one: a case is stamped {@code submitted_at} before its transaction
     * commits, so a look from the last sync alone would miss a commit that came late. Every sync looks back
     * {@link #NARROW} (a normal intake commits within milliseconds); one every {@link #WIDE_EVERY} looks back
     * {@link #WIDE}. One look back of a minute on every batch read every case of the last minute each time: at 450
     * applications a second, 27,000 ids per batch, a third of the database's work during a surge; two seconds still
     * read 1,400 ids per batch at 650 a second, the database's largest read. Intake answers within 200 ms at its
     * slowest. The window this leaves (ADR 0144): a case committed more than {@code NARROW} after its stamp on one
     * node, and a case committed after it was screened, screened on another node before that node's next wide look,
     * may not be paired by screening (ADR 0144 names the remedies); on one node nothing is missed.
     */
    static final java.time.Duration NARROW = java.time.Duration.ofMillis(500);
    static final java.time.Duration WIDE = java.time.Duration.ofSeconds(60);
    static final java.time.Duration WIDE_EVERY = java.time.Duration.ofSeconds(10);

    DuplicateFinder(Enlistments enlistments) {
        this.enlistments = enlistments;
    }

    List<Candidate> duplicatesOf(Enlistment e) {
        return duplicatesOfAll(List.of(e)).get(e.id());
    }

    /**
     * The candidates of each case, after one sync of the index for the whole batch: every case of the batch was
     * committed before it was queued, so one sync sees them all, as a sync per case would. One read finds the cases
     * of the batch's passport numbers and one where every candidate of the batch stands (a full read of each
     * candidate, per case, was a fifth of screening's time: decrypting data nothing here looks at).
     */
    Map<EnlistmentId, List<Candidate>> duplicatesOfAll(List<Enlistment> cases) {
        // each case of the batch prepared once: it is added to the index and then looked up
        Map<EnlistmentId, DuplicateIndex.Entry> prepared = new HashMap<>();
        for (Enlistment e : cases) {
            DuplicateIndex.Entry entry = index.prepare(record(e));
            prepared.put(e.id(), entry);
            inFlight.put(e.id().value(), e.applicant().erased() ? java.util.Optional.empty()
                    : java.util.Optional.of(entry));
        }
        try {
            synchronized (index) {
                syncIndex();
            }
            return candidatesOf(cases, prepared);
        } finally {
            for (Enlistment e : cases) {
                inFlight.remove(e.id().value());
            }
        }
    }

    private Map<EnlistmentId, List<Candidate>> candidatesOf(List<Enlistment> cases,
                                                            Map<EnlistmentId, DuplicateIndex.Entry> prepared) {
        Map<String, List<Reference>> samePassport = enlistments.findByPassportNumbers(
                cases.stream().map(e -> e.applicant().passport().number()).toList());
        int most = index.maxCandidates();
        Map<EnlistmentId, List<Reference>> certain = new HashMap<>();
        Map<EnlistmentId, Map<Reference, ScoredPair>> scored = new HashMap<>();
        java.util.Set<Reference> wanted = new java.util.HashSet<>();
        for (Enlistment e : cases) {
            List<Reference> same = new ArrayList<>();
            for (Reference r : samePassport.getOrDefault(e.applicant().passport().number(), List.of())) {
                if (most > 0 && same.size() >= most) {
                    break; // thousands of applications with one passport number: a flood, the first are enough
                }
                if (!r.equals(e.reference())) {
                    same.add(r);
                }
            }
            // the index takes its own read lock: workers look up side by side (only the sync above is one at a time)
            Map<Reference, ScoredPair> pairs = new HashMap<>();
            for (ScoredPair p : index.search(prepared.get(e.id())).candidates()) {
                Reference r = new Reference(p.id1().equals(e.reference().value()) ? p.id2() : p.id1());
                if (!r.equals(e.reference()) && !same.contains(r)) {
                    pairs.putIfAbsent(r, p);
                }
            }
            certain.put(e.id(), same);
            scored.put(e.id(), pairs);
            wanted.addAll(same);
            wanted.addAll(pairs.keySet());
        }
        Map<Reference, Enlistments.Standing> standing = new HashMap<>();
        for (Enlistments.Standing st : enlistments.standingsByReference(wanted)) {
            standing.put(st.reference(), st);
        }
        Map<EnlistmentId, List<Candidate>> result = new HashMap<>();
        for (Enlistment e : cases) {
            List<Candidate> found = new ArrayList<>();
            for (Reference r : certain.get(e.id())) {
                Enlistments.Standing o = standing.get(r);
                if (o != null) {
                    found.add(candidate(o, 1.0, true, "same passport number"));
                }
            }
            scored.get(e.id()).forEach((r, p) -> {
                Enlistments.Standing o = standing.get(r);
                if (o != null) {
                    found.add(candidate(o, p.score(), false, String.join("; ", p.reasons())));
                }
            });
            result.put(e.id(), found);
        }
        return result;
    }

    private static Candidate candidate(Enlistments.Standing other, double score, boolean certain, String reasons) {
        boolean blocklisted = other.stage() == Stage.REJECTED && other.rejectionReason() == RejectionReason.SECURITY;
        return new Candidate(other, score, certain, blocklisted, reasons);
    }

    /**
     * Adds the cases submitted since the last sync, looking back {@link #NARROW} before it, and {@link #WIDE} once
     * every {@link #WIDE_EVERY} for transactions that committed late. The cases of the batches being screened on
     * this node, already read and prepared, are added as they are; only the others are read.
     */
    private void syncIndex() {
        Instant started = Instant.now();
        boolean wide = lastWideSync == null || !started.isBefore(lastWideSync.plus(WIDE_EVERY));
        Instant since = lastSync == null ? Instant.EPOCH : lastSync.minus(wide ? WIDE : NARROW);
        List<EnlistmentId> fresh = new ArrayList<>();
        for (EnlistmentId id : enlistments.submittedSince(since)) {
            if (!indexed.add(id.value())) {
                continue;
            }
            java.util.Optional<DuplicateIndex.Entry> known = inFlight.get(id.value());
            if (known == null) {
                fresh.add(id);
            } else {
                known.ifPresent(index::add);
            }
        }
        lastSync = started;
        if (wide) {
            lastWideSync = started;
        }
        for (List<EnlistmentId> part : legion.shared.Chunks.of(fresh, 500)) {
            enlistments.findAllById(part).stream()
                    .filter(o -> !o.applicant().erased()).forEach(o -> index.add(record(o)));
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
        m.put("email", a.email() == null ? "" : a.email().toLowerCase(Locale.ROOT));
        return m;
    }
}
