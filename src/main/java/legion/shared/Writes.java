package legion.shared;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plain inserts whose result nothing reads, written at once or, inside {@link #inTransaction} with grouping on,
 * together with the inserts of other requests in one transaction (ADR 0170).
 *
 * <p>Outside a group (every path but intake) {@link #insert} executes its statement in the caller's transaction, as
 * a {@code JdbcClient} update would. Inside a group it keeps the row; when the work is done, {@link GroupCommit}
 * writes the rows of many works as one multi-row insert per statement, in one transaction, and answers each caller
 * only after that commit. A caller is therefore never answered before its rows are durable, and a failure is told to
 * the caller whose rows caused it, as if it had written alone.
 */
@Component
public class Writes {

    /** What {@link #insert} returns for a row kept for the group: its count is known only at the group's commit. */
    public static final int DEFERRED = -1;

    private static final Logger LOG = LoggerFactory.getLogger(Writes.class);

    private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();

    private final JdbcTemplate jdbc;
    private final GroupCommit group;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    Writes(JdbcTemplate jdbc, GroupCommit group, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.group = group;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Writes that always write at once (no group): for tools and tests that build their components by hand. */
    public static Writes immediate(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        var transactions = new JdbcTransactionManager(dataSource);
        return new Writes(jdbc, new GroupCommit(jdbc, transactions, false, 1, 1), transactions);
    }

    /**
     * Inserts one row: at once (returning the rows inserted, 0 for a conflict left alone), or kept for the group when
     * called inside {@link #inTransaction} with grouping on (returning {@link #DEFERRED}). The statement should be a
     * single-row {@code insert into t (columns) values (?, …)}, optionally followed by {@code on conflict do nothing};
     * a statement of another form is still written in the group, one row at a time.
     */
    public int insert(String sql, Object... args) {
        Batch batch = CURRENT.get();
        if (batch == null) {
            return jdbc.update(sql, args);
        }
        batch.add(sql, args.clone());
        return DEFERRED;
    }

    /** Whether this thread's inserts are kept for a group (inside {@link #inTransaction} with grouping on). */
    public boolean deferring() {
        return CURRENT.get() != null;
    }

    /**
     * Runs the work in a transaction of its own and returns once everything it inserted is committed. With grouping
     * on, that transaction is read-only (on PostgreSQL it refuses any write) and every {@link #insert} of the work,
     * its listeners' included, is kept; the rows are then written with other works' rows in one transaction, and
     * this returns after that commit. The work must therefore not read what it inserts, and must make no write but
     * {@link #insert}s. With grouping off, or inside a transaction already, the work simply runs in a transaction
     * (joining the one there is) and its inserts are written at once. Either way the work's transaction
     * synchronizations (an {@code AFTER_COMMIT} listener, the event publication registry's hand-over to a listener)
     * hear of the commit only when its rows are committed, and of a rollback when they are not.
     *
     * @throws RuntimeException what the work threw, or what writing this work's rows alone threw (a duplicate key,
     *                          for example); nothing of the work is stored then
     */
    public <T> T inTransaction(TransactionCallback<T> work) {
        if (!group.enabled() || CURRENT.get() != null
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return tx.execute(work);
        }
        Batch batch = new Batch();
        CURRENT.set(batch);
        boolean[] rolledBack = {false};
        HeldCompletion held = new HeldCompletion();
        T result;
        try {
            try {
                result = readOnly.execute(status -> {
                    T r = work.doInTransaction(status);
                    rolledBack[0] = status.isRollbackOnly();
                    if (!rolledBack[0]) {
                        TransactionSynchronizationManager.registerSynchronization(held);
                    }
                    return r;
                });
            } finally {
                CURRENT.remove();
            }
            if (!rolledBack[0] && !batch.statements.isEmpty()) {
                group.write(batch);
            }
        } catch (RuntimeException | Error e) {
            held.completed(TransactionSynchronization.STATUS_ROLLED_BACK);
            throw e;
        }
        held.committed();
        return result;
    }

    /**
     * Holds back what a grouped work's transaction would do once committed: a transactional event listener's
     * {@code AFTER_COMMIT}, Spring Modulith's hand-over of a publication to its listener. The work's own transaction
     * is read-only; the rows it means are durable only once the group has committed them, so its synchronizations
     * hear of the commit (or of the rollback) only then. Registered last, after the work: its {@code beforeCommit}
     * runs after every other one (so {@code BEFORE_COMMIT} listeners still write their rows into the batch) and then
     * takes the synchronizations out of the read-only transaction.
     */
    private static final class HeldCompletion implements TransactionSynchronization {
        private List<TransactionSynchronization> held = List.of();

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            List<TransactionSynchronization> all = new ArrayList<>(TransactionSynchronizationManager.getSynchronizations());
            all.remove(this);
            TransactionSynchronizationManager.clearSynchronization();
            TransactionSynchronizationManager.initSynchronization();
            held = all;
            for (TransactionSynchronization s : held) {
                try {
                    s.beforeCompletion();
                } catch (RuntimeException e) {
                    LOG.error("a transaction synchronization failed before completion", e);
                }
            }
        }

        void committed() {
            List<TransactionSynchronization> those = take();
            try {
                TransactionSynchronizationUtils.invokeAfterCommit(those);
            } finally {
                TransactionSynchronizationUtils.invokeAfterCompletion(those, TransactionSynchronization.STATUS_COMMITTED);
            }
        }

        void completed(int status) {
            TransactionSynchronizationUtils.invokeAfterCompletion(take(), status);
        }

        private List<TransactionSynchronization> take() {
            List<TransactionSynchronization> those = held;
            held = List.of();
            return those;
        }
    }

    /** The rows one work keeps, in the order it inserted them. */
    static final class Batch {
        final List<Statement> statements = new ArrayList<>();

        void add(String sql, Object[] args) {
            statements.add(new Statement(sql, args));
        }
    }

    record Statement(String sql, Object[] args) {
    }
}
