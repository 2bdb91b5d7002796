package legion.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import legion.support.TestDatabase;

/**
 * Group commit (ADR 0170) against the database under test (H2, and PostgreSQL in the second run): every work's rows
 * stored with the others' in one transaction, a failing work told its own failure while the rest of its group is
 * stored, nothing of a failed work kept, and nothing written outside {@link Writes#insert} inside a group.
 */
@Tag("integration")
class GroupCommitTest {

    private final String suffix = Long.toString(System.nanoTime(), 36);
    private final String parent = "gc_parent_" + suffix;
    private final String child = "gc_child_" + suffix;
    private DataSource ds;
    private JdbcTemplate jdbc;
    private JdbcTransactionManager transactions;
    private GroupCommit group;
    private Writes writes;

    @BeforeEach
    void setUp() {
        ds = TestDatabase.postgres()
                ? new DriverManagerDataSource(TestDatabase.postgresUrl(), TestDatabase.postgresUser(),
                TestDatabase.postgresPassword())
                : new DriverManagerDataSource("jdbc:h2:mem:gc-" + suffix + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(ds);
        transactions = new JdbcTransactionManager(ds);
        jdbc.execute("create table " + parent + " (id uuid primary key, name varchar(40), n integer)");
        jdbc.execute("create table " + child + " (parent_id uuid not null references " + parent + " (id), "
                + "seq integer not null, note varchar(40), primary key (parent_id, seq))");
        group = new GroupCommit(jdbc, transactions, true, 1, 64);
        writes = new Writes(jdbc, group, transactions);
    }

    @AfterEach
    void tearDown() {
        group.destroy();
        jdbc.execute("drop table " + child);
        jdbc.execute("drop table " + parent);
    }

    private String insertParent() {
        return "insert into " + parent + " (id, name, n) values (?, ?, ?)";
    }

    private String insertChild() {
        return "insert into " + child + " (parent_id, seq, note) values (?, ?, ?) on conflict do nothing";
    }

    /** One work: a parent and its two children, the second child's note left null. */
    private UUID work(UUID id, String name) {
        return writes.inTransaction(status -> {
            writes.insert(insertParent(), id, name, name.length());
            writes.insert(insertChild(), id, 1, "first of " + name);
            writes.insert(insertChild(), id, 2, null);
            return id;
        });
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void manyWorksAtOnceAreStoredTogetherEveryRowAsWritten() throws Exception {
        int works = 48;
        ExecutorService pool = Executors.newFixedThreadPool(works);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UUID>> done = new ArrayList<>();
        try {
            for (int i = 0; i < works; i++) {
                String name = "work-" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    return work(UUID.randomUUID(), name);
                }));
            }
            start.countDown();
            for (Future<UUID> f : done) {
                UUID id = f.get(60, TimeUnit.SECONDS);
                // answered only once stored: every row of the work is there when its call returns
                assertThat(jdbc.queryForObject("select count(*) from " + child + " where parent_id = ?", Long.class, id))
                        .isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(parent)).isEqualTo(works);
        assertThat(count(child)).isEqualTo(2L * works);
        assertThat(jdbc.queryForObject("select count(*) from " + child + " where seq = 2 and note is null", Long.class))
                .isEqualTo(works);
        assertThat(jdbc.queryForObject("select count(*) from " + parent + " where n = length(name)", Long.class))
                .isEqualTo(works);
        // the works were written in fewer transactions than there were works
        assertThat(group.largestGroup()).isGreaterThan(1);
    }

    @Test
    void aDuplicateInAGroupFailsOnlyItsOwnWorkAndTheRestIsStored() {
        UUID taken = UUID.randomUUID();
        jdbc.update(insertParent(), taken, "taken", 5);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(i == 2 ? taken : UUID.randomUUID());
        }
        // the batches as works make them: a parent first, then a child of it; the third one's parent is taken
        List<Writes.Batch> batches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Writes.Batch b = new Writes.Batch();
            b.add(insertParent(), new Object[] {ids.get(i), "work-" + i, 6});
            b.add(insertChild(), new Object[] {ids.get(i), 1, "child of work-" + i});
            batches.add(b);
        }

        List<Throwable> outcomes = group.commitTogether(batches);

        assertThat(outcomes.get(2)).isInstanceOf(DuplicateKeyException.class);
        for (int i : new int[] {0, 1, 3, 4}) {
            assertThat(outcomes.get(i)).as("work %d", i).isNull();
            assertThat(jdbc.queryForObject("select count(*) from " + child + " where parent_id = ?", Long.class,
                    ids.get(i))).isEqualTo(1);
        }
        // nothing of the failed work: its child row went with it
        assertThat(jdbc.queryForObject("select count(*) from " + child + " where parent_id = ?", Long.class, taken))
                .isZero();
        assertThat(count(parent)).isEqualTo(5);
    }

    @Test
    void aChildBeforeItsParentInOneGroupIsStillStoredByWritingAlone() {
        UUID id = UUID.randomUUID();
        Writes.Batch orphanFirst = new Writes.Batch();
        orphanFirst.add(insertChild(), new Object[] {UUID.randomUUID(), 1, "no parent"});
        Writes.Batch good = new Writes.Batch();
        good.add(insertParent(), new Object[] {id, "good", 4});
        good.add(insertChild(), new Object[] {id, 1, "child"});

        List<Throwable> outcomes = group.commitTogether(List.of(orphanFirst, good));

        assertThat(outcomes.get(0)).isInstanceOf(DataAccessException.class);
        assertThat(outcomes.get(1)).isNull();
        assertThat(count(parent)).isEqualTo(1);
        assertThat(count(child)).isEqualTo(1);
    }

    @Test
    void rowsBeyondOneStatementAreWrittenInSeveralAndAConflictIsLeftAlone() {
        UUID id = UUID.randomUUID();
        writes.inTransaction(status -> {
            writes.insert(insertParent(), id, "many", 4);
            for (int seq = 1; seq <= 100; seq++) {
                writes.insert(insertChild(), id, seq, "row " + seq);
            }
            writes.insert(insertChild(), id, 7, "again"); // on conflict do nothing
            return null;
        });
        assertThat(count(child)).isEqualTo(100);
        assertThat(jdbc.queryForObject("select note from " + child + " where seq = 7", String.class))
                .isEqualTo("row 7");
        assertThat(jdbc.queryForObject("select sum(seq) from " + child, Long.class)).isEqualTo(5050);
    }

    /** What a synchronization registered inside a work heard, and whether the work's row was stored by then. */
    private final class Listening implements TransactionSynchronization {
        final List<String> heard = new ArrayList<>();
        private final UUID id;

        Listening(UUID id) {
            this.id = id;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            heard.add("beforeCommit");
            // a BEFORE_COMMIT listener's rows still go into the work's batch
            writes.insert(insertChild(), id, 9, "written before commit");
        }

        @Override
        public void afterCommit() {
            // seen from outside the work: an after-commit listener reads what a separate connection sees
            heard.add("afterCommit stored=" + jdbc.queryForObject(
                    "select count(*) from " + parent + " where id = ?", Long.class, id));
        }

        @Override
        public void afterCompletion(int status) {
            heard.add("afterCompletion " + (status == STATUS_COMMITTED ? "committed" : "rolled back"));
        }
    }

    @Test
    void aWorksAfterCommitListenersHearOfTheCommitOnlyOnceItsRowsAreStored() {
        UUID id = UUID.randomUUID();
        Listening listening = new Listening(id);
        writes.inTransaction(status -> {
            writes.insert(insertParent(), id, "heard", 5);
            TransactionSynchronizationManager.registerSynchronization(listening);
            return null;
        });
        assertThat(listening.heard).containsExactly("beforeCommit", "afterCommit stored=1", "afterCompletion committed");
        assertThat(jdbc.queryForObject("select note from " + child + " where parent_id = ? and seq = 9", String.class,
                id)).isEqualTo("written before commit");
    }

    @Test
    void aWorkWhoseRowsFailInTheGroupIsToldRolledBackAndNeverCommitted() {
        UUID taken = UUID.randomUUID();
        jdbc.update(insertParent(), taken, "taken", 5);
        Listening listening = new Listening(taken);
        assertThatThrownBy(() -> writes.inTransaction(status -> {
            writes.insert(insertParent(), taken, "again", 5);
            TransactionSynchronizationManager.registerSynchronization(listening);
            return null;
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(listening.heard).containsExactly("beforeCommit", "afterCompletion rolled back");
        assertThat(count(child)).isZero();
    }

    @Test
    void aWorkThatFailsStoresNothing() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> writes.inTransaction(status -> {
            writes.insert(insertParent(), id, "fails", 5);
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused");
        assertThat(count(parent)).isZero();
    }

    @Test
    void outsideAGroupAnInsertIsWrittenAtOnceAndCounted() {
        UUID id = UUID.randomUUID();
        assertThat(writes.deferring()).isFalse();
        assertThat(writes.insert(insertParent(), id, "now", 3)).isEqualTo(1);
        assertThat(writes.insert(insertChild(), id, 1, "a")).isEqualTo(1);
        assertThat(writes.insert(insertChild(), id, 1, "b")).isZero();
        assertThat(count(child)).isEqualTo(1);
    }

    @Test
    void insideAGroupAWriteThatIsNotAnInsertOfWritesIsRefusedOnPostgres() {
        assumeThat(TestDatabase.postgres()).as("PostgreSQL enforces a read-only transaction").isTrue();
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> writes.inTransaction(status -> {
            writes.insert(insertParent(), id, "kept", 4);
            jdbc.update("insert into " + parent + " (id, name, n) values (?, ?, ?)", UUID.randomUUID(), "direct", 6);
            return null;
        })).isInstanceOf(DataAccessException.class);
        assertThat(count(parent)).isZero();
    }
}
