package legion.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import legion.LegionApplication;
import legion.support.TestDatabase;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Two nodes (two Spring contexts of the whole application) on one database (H2 here, PostgreSQL in the PostgreSQL
 * run) both schedule the same job every 50 ms; with its lease held at least 5 s, it runs once per lease, not on both
 * nodes and not every turn: twice in about eight seconds. Without the lease it would run some hundred times.
 */
@Tag("integration")
class LeaseAcrossNodesTest {

    static final AtomicInteger RUNS = new AtomicInteger();
    static volatile boolean armed;
    static final Set<String> NODES = ConcurrentHashMap.newKeySet();

    /** A job as every job is declared: scheduled, and leased by name. */
    static class CountingJob {

        private final String node;

        CountingJob(org.springframework.core.env.Environment env) {
            this.node = env.getProperty("legion.test.node");
        }

        @Scheduled(fixedDelay = 50)
        @SchedulerLock(name = "test-counting-job", lockAtLeastFor = "PT5S", lockAtMostFor = "PT30S")
        void run() {
            if (!armed) {
                return; // the nodes are still starting (one after the other, which takes a while)
            }
            RUNS.incrementAndGet();
            NODES.add(node);
        }
    }

    @Test
    void aLeasedJobRunsOnceAcrossTwoNodes() {
        Map<String, Object> db = new HashMap<>(TestDatabase.properties());
        ConfigurableApplicationContext a = start(db, "a");
        ConfigurableApplicationContext b = null;
        try {
            b = start(db, "b");
            armed = true;
            await().atMost(Duration.ofSeconds(10)).until(() -> RUNS.get() >= 1);
            // both nodes keep trying every 50 ms while the 5-second lease lasts: still one run
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> RUNS.get() == 1);
            // when the lease has run out, one node (either) takes the next turn, once
            await().atMost(Duration.ofSeconds(10)).until(() -> RUNS.get() >= 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> RUNS.get() == 2);
            assertThat(RUNS.get()).as("runs on %s", NODES).isEqualTo(2);
            // the lease is one row in the shared database, held by the node that ran
            var lease = a.getBean(JdbcClient.class).sql("select locked_by from shedlock where name = 'test-counting-job'")
                    .query(String.class).single();
            assertThat(lease).isNotBlank();
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }
    }

    static ConfigurableApplicationContext start(Map<String, Object> db, String node) {
        Map<String, Object> props = new HashMap<>(db);
        props.put("server.port", "0");
        props.put("legion.test.node", node);
        props.put("legion.demo.password", "demo-password");
        props.put("legion.demo.totp-secret", TestDatabase.TOTP_SECRET);
        props.put("legion.data-dir", System.getProperty("java.io.tmpdir") + "/legion-lease-" + node + System.nanoTime());
        return new SpringApplicationBuilder(LegionApplication.class, CountingJob.class)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
