package legion.enlistment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The repository of enlistments. Storing a case publishes the events it registered, in the same transaction.
 */
public interface Enlistments {

    /** Stores a new case with its first history entry. */
    void add(Enlistment enlistment);

    /**
     * Stores the changes of a loaded case: its stage and new history entries.
     *
     * @throws ConcurrentChangeException when someone else changed the case since it was loaded
     */
    void update(Enlistment enlistment);

    Optional<Enlistment> findByReference(Reference reference);

    Optional<Enlistment> findById(EnlistmentId id);

    /** The cases with these ids that exist, in no particular order (one round trip for cases, one for histories). */
    List<Enlistment> findAllById(java.util.Collection<EnlistmentId> ids);

    /**
     * Where the cases with these references stand (those that exist, in no particular order), without their personal
     * data or history: one read, nothing decrypted, for a look at many cases that needs no more (duplicate candidates).
     */
    List<Standing> standingsByReference(java.util.Collection<Reference> references);

    /** A case's identity and stage, and why it was rejected (null unless it was). */
    record Standing(EnlistmentId id, Reference reference, Stage stage, RejectionReason rejectionReason) {
    }

    /** One page of a queue, oldest first, after the given cursor (keyset pagination). */
    List<CaseSummary> queue(QueueQuery query);

    long count();

    /** References of the cases with this passport number (exact, through the blind index). */
    List<Reference> findByPassportNumber(String passportNumber);

    /**
     * {@link #findByPassportNumber} for many numbers in one read (a screening batch): each given number with the
     * references of its cases, oldest first; a number no case has maps to an empty list.
     */
    java.util.Map<String, List<Reference>> findByPassportNumbers(java.util.Collection<String> passportNumbers);

    /**
     * Ids of the cases (personal data not erased) in one of these stages, by id after {@code after} (null: from the
     * start), at most {@code limit}: for modules that must visit every case of some stages (keyset pagination).
     */
    List<EnlistmentId> idsInStages(Set<Stage> stages, EnlistmentId after, int limit);

    /** Ids of the cases (personal data not erased) submitted at or after {@code since}, oldest first. */
    List<EnlistmentId> submittedSince(Instant since);

    /** References of the cases with this email address (case-insensitive, through the blind index). */
    List<Reference> findByEmail(String email);

    /**
     * Re-encrypts up to {@code batch} cases whose personal data is in plaintext or under a retired key, then history
     * entries whose reason is; returns how many rows were done (0 when all are current).
     */
    int reencrypt(int batch);

    /**
     * Erases a case's personal data (names, date of birth, passport number, contacts) and keeps the rest for
     * statistics. Returns false when it was erased already.
     */
    boolean erasePersonalData(EnlistmentId id);

    /** Decided cases (rejected, withdrawn, revoked) last changed before the given time and not yet erased. */
    List<EnlistmentId> dueForErasure(Instant decidedBefore, int limit);

    /** Number of cases per stage, for one embassy or (null) all. */
    Map<Stage, Long> countByStage(String embassyCode);

    /** A line of a queue: enough to pick a case, with the name as the volunteer wrote it. */
    record CaseSummary(UUID id, Reference reference, Stage stage, String embassyCode, String nationality,
                       String serviceRole, String givenNames, String surname, Instant submittedAt,
                       Instant stageSince) {

        /** The position of this line in a queue by submission. */
        public Cursor cursor() {
            return new Cursor(submittedAt, id);
        }

        /** The position of this line in a queue in this order. */
        public Cursor cursor(QueueOrder order) {
            return new Cursor(order.bySubmission() ? submittedAt : stageSince, id);
        }
    }

    /**
     * The orders of a queue, each a keyset on (time, id): by submission (oldest first, or newest first) or by the
     * time the case entered its stage (longest in stage first, or shortest).
     */
    enum QueueOrder {
        SUBMITTED, SUBMITTED_DESC, IN_STAGE_LONGEST, IN_STAGE_SHORTEST;

        public boolean bySubmission() {
            return this == SUBMITTED || this == SUBMITTED_DESC;
        }

        /** Whether the times ascend (the oldest time first). */
        public boolean ascending() {
            return this == SUBMITTED || this == IN_STAGE_LONGEST;
        }

        /** The same key the other way round: what "previous" means in this order. */
        public QueueOrder reversed() {
            return switch (this) {
                case SUBMITTED -> SUBMITTED_DESC;
                case SUBMITTED_DESC -> SUBMITTED;
                case IN_STAGE_LONGEST -> IN_STAGE_SHORTEST;
                case IN_STAGE_SHORTEST -> IN_STAGE_LONGEST;
            };
        }
    }

    /** Position in a queue: the sort time (submission or stage entry, as the order says) and id of the last row seen. */
    record Cursor(Instant at, UUID id) {

        public String encode() {
            return java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, at) + "_" + id;
        }

        /** Parses an encoded cursor; empty on anything malformed. */
        public static Optional<Cursor> decode(String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try {
                int sep = text.indexOf('_');
                long micros = Long.parseLong(text.substring(0, sep));
                UUID id = UUID.fromString(text.substring(sep + 1));
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1000);
                return Optional.of(new Cursor(at, id));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * Queue filters. Null or empty means "any". {@code search}, when given, keeps the cases matching any of its keys
     * (reference, passport number, surname or full name, the last three through their blind indexes).
     */
    record QueueQuery(String embassyCode, Set<Stage> stages, String nationality, String serviceRole,
                      Cursor after, int limit, QueueOrder order, SearchKeys.Search search) {

        public QueueQuery {
            order = order == null ? QueueOrder.SUBMITTED : order;
        }

        public QueueQuery(String embassyCode, Set<Stage> stages, String nationality, String serviceRole,
                          Cursor after, int limit) {
            this(embassyCode, stages, nationality, serviceRole, after, limit, QueueOrder.SUBMITTED, null);
        }
    }
}
