package legion.screening;

import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate template;
    private final ScreeningLists lists;
    private final DuplicateFinder duplicates;
    private final String node;

    CaseScreener(Enlistments enlistments, JdbcClient jdbc, JdbcTemplate template, ScreeningLists lists,
                 DuplicateFinder duplicates, @Value("${legion.screening.node:}") String node) {
        this.enlistments = enlistments;
        this.jdbc = jdbc;
        this.template = template;
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
        return screenAll(List.of(id), versions) > 0;
    }

    /**
     * Screens a batch of cases as {@link #screen} does each, with a few statements for the whole batch: the cases and
     * their screening state are read at once, runs, results and duplicate pairs written in batches; only hits
     * (rare) are written one by one. Returns the number of cases for which anything was recorded.
     */
    int screenAll(List<EnlistmentId> ids, Map<String, String> versions) {
        List<Enlistment> cases = enlistments.findAllById(ids).stream().filter(e -> !e.applicant().erased()).toList();
        if (cases.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object> params = cases.stream().<Object>map(e -> e.id().value()).toList();
        String in = String.join(", ", Collections.nCopies(params.size(), "?"));
        Set<UUID> screenedBefore = new HashSet<>(jdbc.sql("select enlistment_id from screening_result "
                + "where enlistment_id in (" + in + ")").params(params).query(UUID.class).list());
        Set<String> runsDone = new HashSet<>();
        Map<String, OffsetDateTime> lastRun = new HashMap<>(); // case|list -> latest run, to screen what a version added
        Map<String, String> lastVersion = new HashMap<>();
        jdbc.sql("select enlistment_id, list, list_version, screened_at from screening_run where enlistment_id in ("
                        + in + ")")
                .params(params).query((rs, n) -> {
                    String key = rs.getObject(1, UUID.class) + "|" + rs.getString(2);
                    runsDone.add(key + "|" + rs.getString(3));
                    OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
                    if (!lastRun.containsKey(key) || lastRun.get(key).isBefore(at)) {
                        lastRun.put(key, at);
                        lastVersion.put(key, rs.getString(3));
                    }
                    return null;
                }).list();
        List<Enlistment> first = cases.stream().filter(e -> !screenedBefore.contains(e.id().value())).toList();
        Map<EnlistmentId, List<DuplicateFinder.Candidate>> candidates = first.isEmpty() ? Map.of()
                : duplicates.duplicatesOfAll(first);
        Set<String> pairs = knownPairs(candidates); // "case|other" of the pairs stored already
        List<Object[]> newPairs = new ArrayList<>();
        List<Object[]> runs = new ArrayList<>();
        List<Object[]> results = new ArrayList<>();
        int recorded = 0;
        for (Enlistment e : cases) {
            EnlistmentId id = e.id();
            boolean flag = FLAGGED_STAGES.contains(e.stage());
            Applicant a = e.applicant();
            Person person = new Person(a.givenNames() + " " + a.surname(), a.dateOfBirth(), a.nationality(), a.sex());
            int hits = 0;
            boolean any = false;
            for (Map.Entry<String, String> list : versions.entrySet()) {
                String source = list.getKey();
                String version = list.getValue();
                if (!runsDone.add(id.value() + "|" + source + "|" + version)) {
                    continue;
                }
                int found = 0;
                String before = lastVersion.get(id.value() + "|" + source);
                Screener screener = before == null ? lists.screener(source)
                        : lists.addedSince(source, before).orElseGet(() -> lists.screener(source));
                for (Hit h : screener.screen(person)) {
                    if (insertHit(id, h.list(), h.listId(), h.matchedName(), h.score(), String.join("; ", h.reasons()),
                            version, flag, now)) {
                        found++;
                    }
                }
                runs.add(new Object[] {id.value(), source, version, now, truncate(node, 100), found});
                hits += found;
                any = true;
            }
            if (candidates.containsKey(id)) {
                int dups = 0;
                for (DuplicateFinder.Candidate c : candidates.get(id)) {
                    // the pair may have been found already when the other case was screened (before, or earlier in
                    // this batch): one pair, one decision
                    if (pairs.add(c.other().id().value() + "|" + id.value())) {
                        pairs.add(id.value() + "|" + c.other().id().value());
                        newPairs.add(new Object[] {id.value(), c.other().id().value(), c.score(), c.certain(),
                                c.blocklisted(), truncate(c.reasons(), 1000)});
                        dups++;
                    }
                    if (c.blocklisted() && insertHit(id, "blocklist", c.other().reference().value(),
                            "rejected for security reasons", 1.0,
                            "same person as a case rejected for security reasons: " + c.reasons(), null, flag, now)) {
                        hits++;
                    }
                }
                results.add(new Object[] {id.value(), now, truncate(String.valueOf(versions), 400), hits, dups});
                any = true;
            }
            if (any) {
                recorded++;
            }
        }
        if (!newPairs.isEmpty()) {
            template.batchUpdate("insert into screening_duplicate (enlistment_id, other_id, score, certain, blocklisted, "
                    + "reasons, status) values (?, ?, ?, ?, ?, ?, 'OPEN')", newPairs);
        }
        if (!runs.isEmpty()) {
            template.batchUpdate("insert into screening_run (enlistment_id, list, list_version, screened_at, node, hits) "
                    + "values (?, ?, ?, ?, ?, ?)", runs);
        }
        if (!results.isEmpty()) {
            template.batchUpdate("insert into screening_result (enlistment_id, screened_at, list_versions, hits, "
                    + "duplicates) values (?, ?, ?, ?, ?)", results);
        }
        return recorded;
    }

    /**
     * The pairs among the candidates that are stored already, in one read: those the other case found when it was
     * screened, as {@code "other|case"}.
     */
    private Set<String> knownPairs(Map<EnlistmentId, List<DuplicateFinder.Candidate>> candidates) {
        Set<String> known = new HashSet<>();
        List<UUID> others = candidates.values().stream().flatMap(List::stream).map(c -> c.other().id().value())
                .distinct().toList();
        if (others.isEmpty()) {
            return known;
        }
        List<UUID> cases = candidates.keySet().stream().map(EnlistmentId::value).toList();
        for (List<UUID> part : legion.shared.Chunks.of(others, 500)) {
            jdbc.sql("select enlistment_id, other_id from screening_duplicate where enlistment_id in (:others) "
                            + "and other_id in (:cases)")
                    .param("others", part).param("cases", cases)
                    .query((rs, n) -> known.add(rs.getObject(1, UUID.class) + "|" + rs.getObject(2, UUID.class)))
                    .list();
        }
        return known;
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
