package legion.reporting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import legion.enlistment.EnlistmentSubmitted;
import legion.enlistment.StageChanged;
import legion.shared.Writes;

/**
 * Keeps reporting's read model ({@code reporting_case}) from the enlistment events. A submission writes its row in the
 * transaction that stores the case (a plain insert: no publication in the registry and no second transaction on the
 * intake path, ADR 0130). The edges arrive after their transaction commits (asynchronously, through the event
 * publication registry: a failed or lost delivery is resubmitted, so the model catches up). Each write is idempotent
 * and ignores an event older than what the row already holds, so a redelivered or late event changes nothing; an
 * edge's event that overtakes a case's submission creates the row, and the submission then fills in what only it
 * carries (nationality, role).
 */
@Component
class CaseCounts {

    private final Writes writes;
    private final JdbcClient jdbc;

    CaseCounts(JdbcClient jdbc, Writes writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventListener
    void on(EnlistmentSubmitted e) {
        // in the submitting transaction (ADR 0130): nothing of this case is in the read model yet, unless backfilled
        // a row there already (a backfill of the read model) gets the submission's facts; a row written with the
        // submission's group (Writes.DEFERRED) cannot have been there, as the case itself is stored in that group
        if (writes.insert("insert into reporting_case (enlistment_id, stage, stage_at, embassy_code, nationality, "
                        + "service_role, submitted_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                e.id().value(), "SUBMITTED", ts(e.at()), e.embassyCode(), e.nationality(), e.role(), ts(e.at())) == 0) {
            jdbc.sql("update reporting_case set nationality = ?, service_role = ?, submitted_at = ? where enlistment_id = ?")
                    .params(e.nationality(), e.role(), ts(e.at()), e.id().value()).update();
        }
        writes.insert("insert into reporting_stage_time (enlistment_id, stage, embassy_code, entered_at) values (?, ?, ?, ?)",
                e.id().value(), "SUBMITTED", e.embassyCode(), ts(e.at()));
    }

    @ApplicationModuleListener
    void on(StageChanged e) {
        int moved = jdbc.sql("update reporting_case set stage = ?, stage_at = ? where enlistment_id = ? and stage_at <= ?")
                .params(e.to().name(), ts(e.at()), e.id().value(), ts(e.at())).update();
        if (moved == 0) {
            insertIfAbsent(e.id().value(), e.to().name(), e.at(), e.embassyCode(), null, null, null);
        }
        if (e instanceof legion.enlistment.EnlistmentRejected r) {
            jdbc.sql("update reporting_case set rejection_reason = ? where enlistment_id = ?")
                    .params(r.reason().name(), e.id().value()).update();
        }
        jdbc.sql("update reporting_stage_time set left_at = ? where enlistment_id = ? and stage = ? and left_at is null "
                        + "and entered_at <= ?")
                .params(ts(e.at()), e.id().value(), e.from().name(), ts(e.at())).update();
        enter(e.id().value(), e.to().name(), e.embassyCode(), e.at());
    }

    /**
     * A stay of a case in a stage, once (a redelivered event inserts nothing). When a later stay is known already
     * (events overtook each other), this one ends where the next one begins.
     */
    private void enter(UUID id, String stage, String embassy, Instant at) {
        jdbc.sql("insert into reporting_stage_time (enlistment_id, stage, embassy_code, entered_at) select ?, ?, ?, ? "
                        + "where not exists (select 1 from reporting_stage_time where enlistment_id = ? and stage = ? "
                        + "and entered_at = ?)")
                .params(id, stage, embassy, ts(at), id, stage, ts(at)).update();
        jdbc.sql("update reporting_stage_time set left_at = (select min(n.entered_at) from reporting_stage_time n "
                        + "where n.enlistment_id = ? and n.entered_at > ?) where enlistment_id = ? and stage = ? "
                        + "and entered_at = ? and left_at is null")
                .params(id, ts(at), id, stage, ts(at)).update();
    }

    /**
     * Two events of one case handled at the same moment may both insert: the loser fails on the primary key, its
     * publication stays incomplete and is resubmitted, and then finds the row.
     */
    private boolean insertIfAbsent(UUID id, String stage, Instant at, String embassy, String nationality, String role,
                                   Instant submitted) {
        return jdbc.sql("insert into reporting_case (enlistment_id, stage, stage_at, embassy_code, nationality, service_role, "
                        + "submitted_at) select ?, ?, ?, ?, ?, ?, ? "
                        + "where not exists (select 1 from reporting_case where enlistment_id = ?)")
                .params(id, stage, ts(at), embassy, nationality, role, submitted == null ? null : ts(submitted), id)
                .update() == 1;
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
