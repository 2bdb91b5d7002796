package legion.screening;

import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import legion.enlistment.Applicant;
import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.Stage;

/**
 * Screens one case, in the caller's transaction, against every configured list at the version current for all nodes
 * (once per list version: {@code screening_run}'s primary key), and at its first screening against the other
 * applications. A hit already recorded for the same list entry is not recorded twice; a new hit on a case that is
 * authorized or later is flagged (refer to second line).
 */
@Component
class CaseScreener {

    static final Set<Stage> FLAGGED_STAGES = EnumSet.of(Stage.AUTHORIZED, Stage.ARRIVED, Stage.ENLISTED);

    private final Enlistments enlistments;
    private final JdbcClient jdbc;
    private final ScreeningLists lists;
    private final DuplicateFinder duplicates;
    private final String node;

    CaseScreener(Enlistments enlistments, JdbcClient jdbc, ScreeningLists lists, DuplicateFinder duplicates,
                 @Value("${legion.screening.node:}") String node) {
        this.enlistments = enlistments;
        this.jdbc = jdbc;
        this.lists = lists;
        this.duplicates = duplicates;
        this.node = node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node;
    }

    /** This node's name in {@code screening_run.node}. */
    String node() {
        return node;
    }

    /**
     * Screens the case against whatever it has not been screened against yet; {@code versions} are the current
     * versions, all loaded on this node (the caller checked). Returns whether anything was recorded.
     */
    boolean screen(EnlistmentId id, Map<String, String> versions) {
        Enlistment e = enlistments.findById(id).orElse(null);
        if (e == null || e.applicant().erased()) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean first = jdbc.sql("select count(*) from screening_result where enlistment_id = ?").param(id.value())
                .query(Long.class).single() == 0;
        boolean flag = FLAGGED_STAGES.contains(e.stage());
        boolean recorded = false;
        Applicant a = e.applicant();
        Person person = new Person(a.givenNames() + " " + a.surname(), a.dateOfBirth(), a.nationality(), a.sex());
        int hits = 0;
        for (Map.Entry<String, String> list : versions.entrySet()) {
            String source = list.getKey();
            String version = list.getValue();
            if (jdbc.sql("select count(*) from screening_run where enlistment_id = ? and list = ? and list_version = ?")
                    .params(id.value(), source, version).query(Long.class).single() > 0) {
                continue;
            }
            int found = 0;
            for (Hit h : lists.screener(source).screen(person)) {
                if (insertHit(id, h.list(), h.listId(), h.matchedName(), h.score(), String.join("; ", h.reasons()),
                        version, flag, now)) {
                    found++;
                }
            }
            jdbc.sql("insert into screening_run (enlistment_id, list, list_version, screened_at, node, hits) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(id.value(), source, version, now, truncate(node, 100), found).update();
            hits += found;
            recorded = true;
        }
        if (first) {
            int dups = 0;
            for (DuplicateFinder.Candidate c : duplicates.duplicatesOf(e)) {
                // the pair may have been found already when the other case was screened: one pair, one decision
                boolean known = jdbc.sql("select count(*) from screening_duplicate where enlistment_id = ? and other_id = ?")
                        .params(c.other().id().value(), id.value()).query(Long.class).single() > 0;
                if (!known) {
                    jdbc.sql("insert into screening_duplicate (enlistment_id, other_id, score, certain, blocklisted, "
                                    + "reasons, status) values (?, ?, ?, ?, ?, ?, 'OPEN')")
                            .params(id.value(), c.other().id().value(), c.score(), c.certain(), c.blocklisted(),
                                    truncate(c.reasons(), 1000))
                            .update();
                    dups++;
                }
                if (c.blocklisted() && insertHit(id, "blocklist", c.other().reference().value(),
                        "rejected for security reasons", 1.0,
                        "same person as a case rejected for security reasons: " + c.reasons(), null, flag, now)) {
                    hits++;
                }
            }
            jdbc.sql("insert into screening_result (enlistment_id, screened_at, list_versions, hits, duplicates) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(id.value(), now, truncate(String.valueOf(versions), 400), hits, dups).update();
            recorded = true;
        }
        return recorded;
    }

    private boolean insertHit(EnlistmentId id, String list, String listId, String name, double score, String reasons,
                              String version, boolean flag, OffsetDateTime now) {
        String entry = truncate(listId, 60);
        if (jdbc.sql("select count(*) from screening_hit where enlistment_id = ? and list = ? and list_id = ?")
                .params(id.value(), list, entry).query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("insert into screening_hit (enlistment_id, list, list_id, matched_name, score, reasons, status, "
                        + "list_version, flagged, found_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)")
                .params(id.value(), list, entry, truncate(name, 400), score, truncate(reasons, 1000), version, flag, now)
                .update();
        return true;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
