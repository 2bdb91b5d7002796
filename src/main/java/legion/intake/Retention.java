package legion.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.PersonalDataErased;
import legion.enlistment.Reference;
import legion.enlistment.Stage;
import legion.shared.Actor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * What volunteers may do with their own case, after proving who they are, and how long their data is kept:
 * withdraw an open application; erase the personal data of a case that is no longer in progress; and, in the
 * background, erase the personal data of rejected, withdrawn and revoked cases after {@code legion.retention.days}.
 * Erasure keeps the row (stage, dates, country codes, role) so that statistics stay right.
 */
@Service
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Enlistments enlistments;
    private final Intake intake;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Duration keep;

    Retention(Enlistments enlistments, Intake intake, ApplicationEventPublisher events, TransactionTemplate tx,
              @Value("${legion.retention.days:180}") int days) {
        this.enlistments = enlistments;
        this.intake = intake;
        this.events = events;
        this.tx = tx;
        this.keep = Duration.ofDays(days);
    }

    /** Outcome of a volunteer's request. */
    public enum Outcome { DONE, NOT_FOUND, NOT_ALLOWED }

    public Outcome withdraw(Reference reference, String passportNumber, LocalDate dateOfBirth) {
        return withdraw(() -> intake.status(reference, passportNumber, dateOfBirth));
    }

    /** Withdraws the case a volunteer proved to be theirs (details and emailed code). */
    public Outcome withdraw(EnlistmentId id) {
        return withdraw(() -> enlistments.findById(id));
    }

    private Outcome withdraw(java.util.function.Supplier<Optional<Enlistment>> find) {
        return tx.execute(s -> {
            Optional<Enlistment> found = find.get();
            if (found.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            Enlistment e = found.get();
            if (!e.stage().isOpen()) {
                return Outcome.NOT_ALLOWED;
            }
            e.withdraw(Actor.volunteer(), "withdrawn by the volunteer");
            enlistments.update(e);
            return Outcome.DONE;
        });
    }

    /** Erasure on request: only when the case is no longer in progress (rejected, withdrawn or revoked). */
    public Outcome erase(Reference reference, String passportNumber, LocalDate dateOfBirth) {
        return erase(() -> intake.status(reference, passportNumber, dateOfBirth));
    }

    /** Erases the personal data of the case a volunteer proved to be theirs, when it is no longer in progress. */
    public Outcome erase(EnlistmentId id) {
        return erase(() -> enlistments.findById(id).filter(e -> !e.applicant().erased()));
    }

    private Outcome erase(java.util.function.Supplier<Optional<Enlistment>> find) {
        return tx.execute(s -> {
            Optional<Enlistment> found = find.get();
            if (found.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            Enlistment e = found.get();
            if (!erasable(e.stage())) {
                return Outcome.NOT_ALLOWED;
            }
            erase(e.id(), e.reference(), "volunteer request");
            return Outcome.DONE;
        });
    }

    public static boolean erasable(Stage stage) {
        return stage == Stage.REJECTED || stage == Stage.WITHDRAWN || stage == Stage.REVOKED;
    }

    /** The hourly run, on one node at a time (ADR 0041). */
    @Scheduled(fixedDelayString = "${legion.retention.interval-ms:3600000}", initialDelay = 60000)
    @SchedulerLock(name = "retention", lockAtMostFor = "PT30M")
    void scheduled() {
        eraseDue();
    }

    /** Erases what is due; safe on several nodes (each erasure happens once). */
    public int eraseDue() {
        int total = 0;
        for (EnlistmentId id : enlistments.dueForErasure(Instant.now().minus(keep), 500)) {
            Boolean done = tx.execute(s -> {
                Enlistment e = enlistments.findById(id).orElseThrow();
                return erase(id, e.reference(), "retention period ended");
            });
            total += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (total > 0) {
            LOG.info("retention: erased the personal data of {} decided cases", total);
        }
        return total;
    }

    private boolean erase(EnlistmentId id, Reference reference, String why) {
        boolean erased = enlistments.erasePersonalData(id);
        if (erased) {
            events.publishEvent(new PersonalDataErased(id, reference, why, Instant.now()));
        }
        return erased;
    }
}
