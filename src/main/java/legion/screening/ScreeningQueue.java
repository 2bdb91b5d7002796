package legion.screening;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import legion.enlistment.EnlistmentId;
import legion.enlistment.EnlistmentSubmitted;
import legion.enlistment.Enlistments;
import legion.enlistment.Stage;
import legion.shared.Writes;

/**
 * The cases waiting to be screened ({@code screening_work}): each new application, and every case of the vetted
 * stages when a list changes. {@link ScreeningWorker}s on every node claim and delete the rows.
 */
@Component
class ScreeningQueue {

    /** The stages whose cases are screened again when a list changes (open, approved, authorized, arrived, enlisted). */
    static final Set<Stage> VETTED = EnumSet.of(Stage.SUBMITTED, Stage.IN_REVIEW, Stage.INFO_REQUESTED,
            Stage.INTERVIEW, Stage.VETTING, Stage.APPROVED, Stage.AUTHORIZED, Stage.ARRIVED, Stage.ENLISTED);

    private static final int PAGE = 2000;

    /** One case waiting to be screened: written alone with a submission, in batches for a re-screening. */
    private static final String ENQUEUE = "insert into screening_work (enlistment_id, enqueued_at) values (?, ?)";

    private final JdbcTemplate jdbc;
    private final Writes writes;
    private final Enlistments enlistments;
    private final org.springframework.beans.factory.ObjectProvider<ScreenedPeople> otherPrograms;

    ScreeningQueue(JdbcTemplate jdbc, Enlistments enlistments,
                   org.springframework.beans.factory.ObjectProvider<ScreenedPeople> otherPrograms,
                   Writes writes) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.enlistments = enlistments;
        this.otherPrograms = otherPrograms;
    }

    /**
     * Queues the subjects of every other program that screens people ({@link ScreenedPeople}), page by page, in the
     * caller's transaction; returns how many.
     */
    int enqueueOtherPrograms() {
        int total = 0;
        for (ScreenedPeople people : otherPrograms.orderedStream().toList()) {
            String after = null;
            while (true) {
                List<String> page = people.rescreened(after, PAGE);
                if (!page.isEmpty()) {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    jdbc.batchUpdate("insert into screening_subject_work (program, subject_id, enqueued_at) "
                            + "values (?, ?, ?)", page, 500, (ps, id) -> {
                                ps.setString(1, people.program());
                                ps.setString(2, id);
                                ps.setObject(3, now);
                            });
                    total += page.size();
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1);
            }
        }
        return total;
    }

    /** The program's bean by its key, if the node has it. */
    java.util.Optional<ScreenedPeople> program(String name) {
        return otherPrograms.orderedStream().filter(p -> p.program().equals(name)).findFirst();
    }

    /**
     * A new application is queued in the very transaction that stores it: its work row commits with the case or not at
     * all, so no case goes unscreened, without a publication in the event registry and a second transaction per case
     * on the intake path (ADR 0130).
     */
    @EventListener
    void on(EnlistmentSubmitted submitted) {
        // with the submission's other rows (a group commit on intake, ADR 0170)
        writes.insert(ENQUEUE, submitted.id().value(),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Queues every case of the vetted stages (asked of the enlistment module, page by page); returns how many. */
    int enqueueVettedCases() {
        int total = 0;
        EnlistmentId after = null;
        while (true) {
            List<EnlistmentId> page = enlistments.idsInStages(VETTED, after, PAGE);
            if (page.isEmpty()) {
                return total;
            }
            enqueue(page);
            total += page.size();
            after = page.get(page.size() - 1);
        }
    }

    private void enqueue(List<EnlistmentId> ids) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // always a new row, even for a case already waiting: a worker may hold that row and be screening the case
        // against the version this row's caller has just replaced (screening twice is harmless, once per version)
        jdbc.batchUpdate(ENQUEUE, ids, 500,
                (ps, id) -> {
                    ps.setObject(1, id.value());
                    ps.setObject(2, now);
                });
    }
}
