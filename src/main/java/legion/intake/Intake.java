package legion.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import legion.advisory.Advisories;
import legion.advisory.Advisory;
import legion.embassy.Embassies;
import legion.embassy.Embassy;
import legion.enlistment.Applicant;
import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.enlistment.Stage;
import legion.shared.Writes;

/**
 * Accepts applications: routes each to its embassy and stores it with its history, audit entry, eligibility
 * verdict and the acknowledged home-country advisory (with its version) in one durable commit. With an idempotency key, a repeated request returns the first answer and stores nothing new.
 */
@Service
public class Intake {

    private static final int ATTEMPTS = 4;

    /**
     * Idempotency keys this node took lately. A key seen again is looked up before its submission joins a group
     * commit: a client repeating one key (a retry, or a hostile flood) would otherwise make every group it joins
     * fail and be written again work by work (ADR 0170). Only the key's presence is kept, never the request.
     */
    private final Cache<String, Boolean> recentKeys = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    private final Enlistments enlistments;
    private final Embassies embassies;
    private final JdbcClient jdbc;
    private final Writes writes;
    private final Advisories advisories;
    private final legion.eligibility.Eligibility eligibility;
    private final VolunteerNotices notices;

    Intake(Enlistments enlistments, Embassies embassies, JdbcClient jdbc, Writes writes,
           Advisories advisories, legion.eligibility.Eligibility eligibility, VolunteerNotices notices) {
        this.eligibility = eligibility;
        this.notices = notices;
        this.enlistments = enlistments;
        this.embassies = embassies;
        this.jdbc = jdbc;
        this.writes = writes;
        this.advisories = advisories;
    }

    /**
     * Stores a validated application.
     *
     * @param judgement      the eligibility judgement made when it was validated
     *                       ({@link ApplicationValidator.Result#judgement()}), recorded as the case's first verdict
     *                       unless it no longer holds; null to judge it here
     * @param idempotencyKey optional key (already checked for its form)
     * @param requestHash    a digest of the canonical request, compared when the key is seen again
     * @throws IdempotencyConflictException when the key was used with another request
     */
    public Submission submit(Applicant applicant, legion.eligibility.Eligibility.Judgement judgement,
                             String idempotencyKey, String requestHash) {
        boolean seen = idempotencyKey != null && recentKeys.asMap().putIfAbsent(idempotencyKey, Boolean.TRUE) != null;
        DuplicateKeyException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean retry = attempt > 0 || seen;
            try {
                // with the rows of other submissions in one commit (ADR 0170); answered once they are durable
                return writes.inTransaction(status -> submitOnce(applicant, judgement, idempotencyKey, requestHash,
                        retry));
            } catch (DuplicateKeyException e) {
                // A concurrent request with the same key won, or (rarely) a reference collided: try again.
                last = e;
            }
        }
        throw last;
    }

    /**
     * One attempt. The first attempt does not look the key up: its primary key catches a key used before (or
     * concurrently), and the retry after such a collision replays the earlier answer (or finds it a conflict).
     */
    private Submission submitOnce(Applicant applicant, legion.eligibility.Eligibility.Judgement judgement, String key,
                                  String hash, boolean retry) {
        if (key != null && retry) {
            Optional<Submission> earlier = replay(key, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Embassy embassy = embassies.route(applicant.countryOfResidence());
        Enlistment enlistment = Enlistment.submit(Reference.random(), applicant, embassy.code());
        enlistments.add(enlistment);
        eligibility.judgeNew(enlistment, judgement);
        Advisory acknowledged = advisories.acknowledge(enlistment.id(), applicant.nationality());
        if (key != null) {
            writes.insert("insert into intake_idempotency (idempotency_key, request_hash, enlistment_id, created_at) "
                    + "values (?, ?, ?, ?)", key, hash, enlistment.id().value(), OffsetDateTime.now(ZoneOffset.UTC));
        }
        notices.received(enlistment, embassy);
        return new Submission(enlistment.reference(), enlistment.stage(), embassy, enlistment.submittedAt(), false,
                acknowledged);
    }

    /**
     * The earlier answer for this idempotency key, when there is one; checked before the body is validated so that
     * a key reused with any other body is a conflict.
     *
     * @throws IdempotencyConflictException when the key was used with another request
     */
    public Optional<Submission> replay(String key, String hash) {
        record Earlier(String hash, UUID id) {
        }
        Optional<Earlier> earlier = jdbc.sql("select request_hash, enlistment_id from intake_idempotency "
                        + "where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new Earlier(rs.getString(1), rs.getObject(2, UUID.class)))
                .optional();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().hash().equals(hash)) {
            throw new IdempotencyConflictException();
        }
        Enlistment e = enlistments.findById(new EnlistmentId(earlier.get().id())).orElseThrow();
        Embassy embassy = embassies.find(e.embassyCode()).orElseThrow();
        // The first answer was SUBMITTED; a replay repeats that answer rather than leaking later progress.
        Advisory acknowledged = advisories.acknowledgementOf(e.id()).map(Advisories.Acknowledgement::advisory)
                .orElseGet(() -> advisories.current(e.applicant().nationality()));
        return Optional.of(new Submission(e.reference(), Stage.SUBMITTED, embassy, e.submittedAt(), true,
                acknowledged));
    }

    /**
     * The status of a case for a volunteer who proves who they are with reference, passport number and date of
     * birth. Empty when any of the three does not match, with no hint which.
     */
    public Optional<Enlistment> status(Reference reference, String passportNumber, LocalDate dateOfBirth) {
        Optional<Enlistment> found = enlistments.findByReference(reference);
        String stored = found.map(e -> e.applicant().passport().number()).orElse("");
        boolean passportMatches = MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                ApplicationValidator.normalisePassportNumber(passportNumber).getBytes(StandardCharsets.UTF_8));
        boolean dobMatches = found.isPresent() && found.get().applicant().dateOfBirth().equals(dateOfBirth);
        return passportMatches && dobMatches ? found : Optional.empty();
    }
}
