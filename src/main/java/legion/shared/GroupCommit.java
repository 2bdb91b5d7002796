package legion.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Writes the rows that several works kept ({@link Writes#inTransaction}) in one transaction, with one multi-row
 * insert per statement, and answers each work after the commit (ADR 0170).
 *
 * <p>Committer threads (one unless configured) each take what is queued, up to {@code legion.writes.group-max}
 * works. When a statement of the group fails (a duplicate key, a deadlock) the group is rolled back and each work
 * is written again alone, in its own transaction, so that the one that caused the failure is told what it would
 * have been told writing alone, and the others are stored. When the commit itself fails, its outcome is unknown:
 * every work of the group is told that failure, as a single commit's caller would be, and none is written again.
 */
@Component
public class GroupCommit implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** {@code insert into t (columns) values (?, …)} with an optional {@code on conflict do nothing}. */
    private static final Pattern SINGLE_ROW = Pattern.compile(
            "(?is)(\\s*insert\\s+into\\s+[a-z_][a-z0-9_]*\\s*\\([^)]*\\)\\s*values\\s*)" // head
                    + "(\\([?,\\s]*\\))" // the row: parameters only
                    + "(\\s*(?:on\\s+conflict\\s+do\\s+nothing)?\\s*)"); // tail

    /** Rows per statement: a power of two up to this, so that each table has few distinct prepared statements. */
    private static final int MAX_ROWS = 64;

    private final boolean enabled;
    private final int groupMax;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final AtomicInteger largest = new AtomicInteger();

    GroupCommit(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                @Value("${legion.writes.group-commit:true}") boolean enabled,
                @Value("${legion.writes.committers:1}") int committers,
                @Value("${legion.writes.group-max:64}") int groupMax) {
        if (committers < 1 || groupMax < 1) {
            throw new IllegalArgumentException(
                    "legion.writes.committers and legion.writes.group-max must be at least 1");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.enabled = enabled;
        this.groupMax = groupMax;
        if (enabled) {
            for (int i = 0; i < committers; i++) {
                Thread t = new Thread(this::run, "group-commit-" + (i + 1));
                t.setDaemon(true);
                t.start();
                this.committers.add(t);
            }
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** Queues one work's rows and waits until they are committed; rethrows what writing them alone threw. */
    void write(Writes.Batch batch) {
        Pending p = new Pending(batch, new CompletableFuture<>());
        if (!running) {
            throw new IllegalStateException("The platform is stopping: nothing was stored.");
        }
        queue.add(p);
        try {
            p.done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>(groupMax);
        while (running) {
            group.clear();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(group, groupMax - 1);
            try {
                commit(group);
            } catch (Throwable t) {
                // never leave a caller waiting: whatever went wrong is its answer
                LOG.error("A group of writes failed unexpectedly", t);
                group.forEach(p -> p.done.completeExceptionally(t));
            }
        }
        failQueued();
    }

    /** The most works one transaction has written so far. */
    int largestGroup() {
        return largest.get();
    }

    /** Writes these works as one group now, on the caller's thread: each one's failure, or null when it is stored. */
    List<Throwable> commitTogether(List<Writes.Batch> batches) {
        List<Pending> pending = batches.stream().map(b -> new Pending(b, new CompletableFuture<Void>())).toList();
        commit(pending);
        return pending.stream().map(p -> p.done.handle((ok, e) -> e).join()).toList();
    }

    private void commit(List<Pending> group) {
        largest.accumulateAndGet(group.size(), Math::max);
        TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            writeRows(group);
        } catch (RuntimeException e) {
            transactions.rollback(status);
            if (group.size() == 1) {
                group.get(0).done.completeExceptionally(e);
            } else {
                group.forEach(this::commitAlone);
            }
            return;
        }
        try {
            transactions.commit(status);
        } catch (RuntimeException e) {
            group.forEach(p -> p.done.completeExceptionally(e));
            return;
        }
        group.forEach(p -> p.done.complete(null));
    }

    private void commitAlone(Pending p) {
        TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            writeRows(List.of(p));
        } catch (RuntimeException e) {
            transactions.rollback(status);
            p.done.completeExceptionally(e);
            return;
        }
        try {
            transactions.commit(status);
            p.done.complete(null);
        } catch (RuntimeException e) {
            p.done.completeExceptionally(e);
        }
    }

    /** Each statement's rows, in the order the statements first appear (parents before their children). */
    private void writeRows(List<Pending> group) {
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        for (Pending p : group) {
            for (Writes.Statement s : p.batch.statements) {
                rows.computeIfAbsent(s.sql(), k -> new ArrayList<>()).add(s.args());
            }
        }
        for (Map.Entry<String, List<Object[]>> e : rows.entrySet()) {
            Shape shape = shapes.computeIfAbsent(e.getKey(), Shape::of);
            List<Object[]> all = e.getValue();
            if (shape == null) {
                all.forEach(args -> jdbc.update(e.getKey(), args));
                continue;
            }
            int at = 0;
            while (at < all.size()) {
                int n = Integer.highestOneBit(Math.min(all.size() - at, MAX_ROWS));
                jdbc.update(shape.sql(n), shape.flatten(all, at, n));
                at += n;
            }
        }
    }

    private void failQueued() {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done.completeExceptionally(new IllegalStateException("The platform is stopping: nothing was stored."));
        }
    }

    @Override
    public void destroy() {
        running = false;
        committers.forEach(Thread::interrupt);
        for (Thread t : committers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failQueued();
    }

    private record Pending(Writes.Batch batch, CompletableFuture<Void> done) {
    }

    /** A single-row insert made into inserts of 1, 2, 4 … rows. */
    private record Shape(String head, String tuple, String tail, int columns, Map<Integer, String> sqls) {

        static Shape of(String sql) {
            Matcher m = SINGLE_ROW.matcher(sql);
            if (!m.matches()) {
                return null;
            }
            String tuple = m.group(2);
            int columns = (int) tuple.chars().filter(c -> c == '?').count();
            return new Shape(m.group(1), tuple, m.group(3), columns, new ConcurrentHashMap<>());
        }

        String sql(int n) {
            return sqls.computeIfAbsent(n, k -> {
                StringBuilder b = new StringBuilder(head.length() + tail.length() + (tuple.length() + 2) * k);
                b.append(head);
                for (int i = 0; i < k; i++) {
                    b.append(i == 0 ? "" : ", ").append(tuple);
                }
                return b.append(tail).toString();
            });
        }

        Object[] flatten(List<Object[]> rows, int from, int n) {
            Object[] args = new Object[n * columns];
            for (int i = 0; i < n; i++) {
                Object[] row = rows.get(from + i);
                if (row.length != columns) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "%d arguments for a statement of %d: %s", row.length, columns, head));
                }
                System.arraycopy(row, 0, args, i * columns, columns);
            }
            return args;
        }
    }
}
