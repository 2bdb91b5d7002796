package legion.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;

import legion.enlistment.EnlistmentSubmitted;
import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Intake's rows are written many submissions at a time (group commit, ADR 0170), and a persistent listener of
 * Spring Modulith's registry on the submission is still served as with a transaction of its own: its publication is
 * stored with the case, and it is called only once the case is stored, never before. Real intake over HTTP, many
 * applications at once so that they share groups, the real registry table.
 */
@LegionIntegrationTest
@Import(GroupedPublicationTest.Listeners.class)
@TestPropertySource(properties = "legion.writes.group-commit=true")
class GroupedPublicationTest {

    private static final int CLIENTS = 16;

    /** Looks, when called, for the case it was told of: stored already, or not. */
    static class LookingListener {
        static final Map<String, Long> SEEN = new ConcurrentHashMap<>();
        private final JdbcClient jdbc;

        LookingListener(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @ApplicationModuleListener
        void on(EnlistmentSubmitted e) {
            SEEN.put(e.reference().value(), jdbc.sql("select count(*) from enlistment where reference = ?")
                    .param(e.reference().value()).query(Long.class).single());
        }
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        LookingListener lookingListener(JdbcClient jdbc) {
            return new LookingListener(jdbc);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersistentListenerOfTheSubmissionIsCalledOnlyOnceTheCaseIsStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    Http.Response r = new Http(port).postJson("/api/v1/enlistments", Http.json(Applications.valid()));
                    assertThat(r.status()).isEqualTo(201);
                    return r.json().get("reference").stringValue();
                }));
            }
            start.countDown();
            List<String> refs = new ArrayList<>();
            for (Future<String> f : sent) {
                refs.add(f.get(60, TimeUnit.SECONDS));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> refs.stream().allMatch(LookingListener.SEEN::containsKey));
            for (String ref : refs) {
                assertThat(LookingListener.SEEN.get(ref)).as("the case %s when its listener was called", ref).isEqualTo(1);
                await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(jdbc.sql(
                                "select status from event_publication where listener_id like '%LookingListener%' "
                                        + "and serialized_event like ?").param("%" + ref + "%")
                        .query(String.class).optional().orElse(null)));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
