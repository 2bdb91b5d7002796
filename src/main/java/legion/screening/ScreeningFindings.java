package legion.screening;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the screening aggregates ({@link WatchlistHit}, {@link PossibleDuplicate}) and their decisions. Updates are
 * guarded by the status read ({@code … where status = ?}): two officers deciding the same finding at once cannot both
 * succeed.
 */
@Repository
class ScreeningFindings {

    private static final String HIT_COLUMNS = "id, enlistment_id, list, list_id, matched_name, score, reasons, flagged, "
            + "status, proposed_by, decided_by";
    private static final String DUPLICATE_COLUMNS = "id, enlistment_id, other_id, score, certain, blocklisted, reasons, "
            + "status, proposed_by, decided_by";

    private final JdbcClient jdbc;

    ScreeningFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WatchlistHit> hits(UUID caseId) {
        return jdbc.sql("select " + HIT_COLUMNS + " from screening_hit where enlistment_id = ? order by score desc, id")
                .param(caseId).query((rs, n) -> hit(rs)).list();
    }

    Optional<WatchlistHit> hit(UUID caseId, long id) {
        return jdbc.sql("select " + HIT_COLUMNS + " from screening_hit where enlistment_id = ? and id = ?")
                .params(caseId, id).query((rs, n) -> hit(rs)).optional();
    }

    private static WatchlistHit hit(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new WatchlistHit(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getDouble(6), rs.getString(7), rs.getBoolean(8),
                WatchlistHit.Status.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11));
    }

    /** The duplicates of a case in both directions (found when it was screened, or when the other one was). */
    List<PossibleDuplicate> duplicates(UUID caseId) {
        return jdbc.sql("select " + DUPLICATE_COLUMNS + " from screening_duplicate where enlistment_id = ? "
                        + "or other_id = ? order by score desc, id")
                .params(caseId, caseId).query((rs, n) -> duplicate(rs)).list();
    }

    Optional<PossibleDuplicate> duplicate(UUID caseId, long id) {
        return jdbc.sql("select " + DUPLICATE_COLUMNS + " from screening_duplicate where id = ? "
                        + "and (enlistment_id = ? or other_id = ?)")
                .params(id, caseId, caseId).query((rs, n) -> duplicate(rs)).optional();
    }

    private static PossibleDuplicate duplicate(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PossibleDuplicate(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getDouble(4), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7),
                PossibleDuplicate.Status.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10));
    }

    /** Stores a decided hit; false when someone else decided it since it was read. */
    boolean update(WatchlistHit h) {
        return update(h, "screening_hit");
    }

    /** Stores a decided duplicate; false when someone else decided it since it was read. */
    boolean update(PossibleDuplicate p) {
        return update(p, "screening_duplicate");
    }

    /** A proposal stamps {@code proposed_at}, any other decision {@code decided_at}; the decision is kept with it. */
    private boolean update(Finding<?, ?> f, String table) {
        FindingDecided d = f.decided();
        boolean proposal = d.decision().startsWith("PROPOSE_");
        boolean stored = jdbc.sql("update " + table + " set status = ?, proposed_by = ?, decided_by = ?, "
                        + (proposal ? "proposed_at" : "decided_at") + " = ? where id = ? and status = ?")
                .params(f.status().name(), f.proposedBy(), f.decidedBy(), ts(d), f.id(), d.from()).update() == 1;
        if (stored) {
            insert(d);
        }
        return stored;
    }

    private void insert(FindingDecided d) {
        jdbc.sql("insert into screening_decision (enlistment_id, finding, finding_id, decision, from_status, to_status, "
                        + "actor, actor_role, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.caseId(), d.finding(), d.findingId(), d.decision(), d.from(), d.to(), d.actor(),
                        d.actorRole(), ts(d)).update();
    }

    /** The decisions on a case's findings, oldest first (a duplicate's decisions show on both cases). */
    List<FindingDecided> decisions(UUID caseId) {
        return jdbc.sql("select d.enlistment_id, d.finding, d.finding_id, d.decision, d.from_status, d.to_status, "
                        + "d.actor, d.actor_role, d.at from screening_decision d where d.enlistment_id = ? "
                        + "or (d.finding = 'DUPLICATE' and d.finding_id in "
                        + "(select id from screening_duplicate where other_id = ?)) order by d.at, d.id")
                .params(caseId, caseId)
                .query((rs, n) -> new FindingDecided(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static OffsetDateTime ts(FindingDecided d) {
        return d.at().atOffset(ZoneOffset.UTC);
    }
}
