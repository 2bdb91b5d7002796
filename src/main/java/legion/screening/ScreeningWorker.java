package legion.screening;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import legion.enlistment.EnlistmentId;

/**
 * Works the screening queue on every node: claims a batch of rows with {@code SELECT … FOR UPDATE SKIP LOCKED} (rows
 * another node holds are skipped, so nodes share the work), screens each case and deletes the rows in the same
 * transaction. A node that crashes mid-batch commits nothing: its rows are claimed again, and each case is screened
 * exactly once per list version ({@code screening_run}). A node whose lists are not all loaded at the current
 * versions claims nothing (fails closed). Runs on threads of its own ({@code legion.screening.workers}).
 */
@Component
class ScreeningWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScreeningWorker.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final ScreeningLists lists;
    private final CaseScreener screener;
    private final ScreeningQueue queue;
    private final int workers;
    private final int batch;
    private final long intervalMillis;
    private final boolean enabled;
    private final long pauseMillis;
    private final long idleMaxMillis;
    private volatile ScheduledExecutorService executor;

    ScreeningWorker(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, ScreeningLists lists,
                    CaseScreener screener, ScreeningQueue queue,
                    @Value("${legion.screening.workers:4}") int workers,
                    @Value("${legion.screening.batch:200}") int batch,
                    @Value("${legion.screening.interval-ms:500}") long intervalMillis,
                    @Value("${legion.screening.enabled:true}") boolean enabled,
                    @Value("${legion.screening.pause-ms:0}") long pauseMillis,
                    @Value("${legion.screening.idle-max-ms:2000}") long idleMaxMillis) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.lists = lists;
        this.screener = screener;
        this.queue = queue;
        this.workers = Math.max(1, workers);
        this.batch = Math.max(1, batch);
        this.intervalMillis = intervalMillis;
        this.enabled = enabled;
        this.pauseMillis = pauseMillis;
        this.idleMaxMillis = idleMaxMillis;
    }

    private record Claimed(long id, UUID caseId) {
    }

    /**
     * Claims and screens one batch: the Legion's cases first, other programs' people when no case waits; returns the
     * number done (0 when there is nothing or lists are not ready).
     */
    int runOnce() {
        int cases = runCases();
        return cases > 0 ? cases : runOtherPrograms();
    }

    private record ClaimedSubject(long id, String program, String subjectId) {
    }

    /** One batch of other programs' people ({@code screening_subject_work}), as {@link #runCases} does for cases. */
    int runOtherPrograms() {
        if (!lists.ready(lists.currentVersions())) {
            return 0;
        }
        Integer done = tx.execute(s -> {
            List<ClaimedSubject> rows = jdbc.sql("select id, program, subject_id from screening_subject_work "
                            + "order by id limit ? for update skip locked")
                    .param(batch).query((rs, n) -> new ClaimedSubject(rs.getLong(1), rs.getString(2),
                            rs.getString(3))).list();
            if (rows.isEmpty() || !lists.ready(lists.currentVersions())) {
                s.setRollbackOnly();
                return 0;
            }
            Map<String, Set<String>> byProgram = new java.util.LinkedHashMap<>();
            rows.forEach(r -> byProgram.computeIfAbsent(r.program(), p -> new LinkedHashSet<>()).add(r.subjectId()));
            byProgram.forEach((program, ids) -> queue.program(program).ifPresentOrElse(
                    people -> people.screen(List.copyOf(ids)),
                    () -> LOG.warn("screening: {} queued people of an unknown program '{}' dropped", ids.size(),
                            program)));
            template.batchUpdate("delete from screening_subject_work where id = ?",
                    rows.stream().map(r -> new Object[] {r.id()}).toList());
            return rows.size();
        });
        return done == null ? 0 : done;
    }

    /** One batch of the Legion's cases. */
    int runCases() {
        if (!lists.ready(lists.currentVersions())) {
            return 0;
        }
        Integer done = tx.execute(s -> {
            List<Claimed> rows = jdbc.sql("select id, enlistment_id from screening_work order by id limit ? "
                            + "for update skip locked")
                    .param(batch).query((rs, n) -> new Claimed(rs.getLong(1), rs.getObject(2, UUID.class))).list();
            // the versions are read after the claim: a row queued for a new version is only visible once that version
            // is committed, so it is never deleted after a screening against the version before
            Map<String, String> versions = lists.currentVersions();
            if (rows.isEmpty() || !lists.ready(versions)) {
                s.setRollbackOnly();
                return 0;
            }
            Set<UUID> cases = new LinkedHashSet<>();
            rows.forEach(r -> cases.add(r.caseId()));
            screener.screenAll(cases.stream().map(EnlistmentId::new).toList(), versions);
            // one statement for the batch (a batch of single deletes was one in ten of intake's statements)
            for (List<Long> part : legion.shared.Chunks.of(rows.stream().map(Claimed::id).toList(), 1000)) {
                jdbc.sql("delete from screening_work where id in (:ids)").param("ids", part).update();
            }
            return cases.size();
        });
        return done == null ? 0 : done;
    }

    /** Works until the queue is empty (or the lists are not ready). */
    int drain() {
        int total = 0;
        int n;
        while ((n = runOnce()) > 0) {
            total += n;
            if (pauseMillis > 0) { // a throttle: re-screening a large queue leaves room for intake
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return total;
                }
            }
        }
        return total;
    }

    /** Cases waiting in the queue (all nodes). */
    long waiting() {
        return jdbc.sql("select count(distinct enlistment_id) from screening_work").query(Long.class).single();
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        executor = Executors.newScheduledThreadPool(workers, r -> {
            Thread t = new Thread(r, "screening-worker");
            t.setDaemon(true);
            return t;
        });
        // an idle worker looks less often: every interval at first, twice as long after each empty look, up to
        // legion.screening.idle-max-ms (four workers idle once made 16 queries a second on every node); a list version
        // newly loaded on this node ends the back-off, as its re-screening is then waiting
        int slowest = (int) Math.max(1, Math.min(64, idleMaxMillis / Math.max(1, intervalMillis)));
        for (int i = 0; i < workers; i++) {
            int[] skip = {0};
            int[] every = {1};
            long[] versionsSeen = {lists.versionsLoaded()};
            executor.scheduleWithFixedDelay(() -> {
                long versions = lists.versionsLoaded();
                if (versions != versionsSeen[0]) {
                    versionsSeen[0] = versions;
                    skip[0] = 0;
                    every[0] = 1;
                }
                if (skip[0] > 0) {
                    skip[0]--;
                    return;
                }
                try {
                    int done = drain();
                    every[0] = done > 0 ? 1 : Math.min(slowest, every[0] * 2);
                    skip[0] = every[0] - 1;
                } catch (DataAccessException e) {
                    // another node or an officer's inline screening recorded the same run first: the batch is redone
                    LOG.warn("screening: batch rolled back ({}); it will be claimed again", e.getClass().getSimpleName());
                } catch (RuntimeException e) {
                    LOG.error("screening: batch failed ({})", e.getClass().getSimpleName());
                }
            }, Math.min(intervalMillis, 500), intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}
