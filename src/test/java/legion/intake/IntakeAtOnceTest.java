package legion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Many applications at once, as a surge sends them: written together (group commit, ADR 0170), each still answered
 * as if alone, with every row of its case stored; one idempotency key sent by many at once is one application.
 */
@LegionIntegrationTest
class IntakeAtOnceTest {

    private static final int CLIENTS = 24;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private List<Http.Response> atOnce(Callable<Http.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Http.Response>> sent = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Http.Response> answers = new ArrayList<>();
            for (Future<Http.Response> f : sent) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.sql(sql).params(args).query(Long.class).single();
    }

    @Test
    void manyApplicationsAtOnceAreEachStoredWithEveryRowOfTheirCase() throws Exception {
        Http http = new Http(port);
        List<Http.Response> answers = atOnce(() -> http.postJson("/api/v1/enlistments",
                Http.json(Applications.valid()), "Idempotency-Key", "at-once-" + System.nanoTime() + Math.random()));
        Set<String> references = new HashSet<>();
        for (Http.Response r : answers) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            references.add(r.json().get("reference").stringValue());
        }
        assertThat(references).hasSize(CLIENTS);
        for (String reference : references) {
            // answered means stored: the case and what intake writes with it, in the one commit
            String id = jdbc.sql("select cast(id as varchar(36)) from enlistment where reference = ?").param(reference)
                    .query(String.class).single();
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(count("select count(*) from enlistment_history where enlistment_id = ?", uuid)).isEqualTo(1);
            assertThat(count("select count(*) from audit_log where subject = ? and action = 'ENLISTMENT_SUBMITTED'",
                    reference)).isEqualTo(1);
            assertThat(count("select count(*) from reporting_case where enlistment_id = ?", uuid)).isEqualTo(1);
            assertThat(count("select count(*) from rules_verdict where subject_id = ?", id)).isEqualTo(1);
            assertThat(count("select count(*) from advisory_acknowledgement where enlistment_id = ?", uuid)).isEqualTo(1);
            assertThat(count("select count(*) from intake_idempotency where enlistment_id = ?", uuid)).isEqualTo(1);
            assertThat(count("select count(*) from outbox_message where dedupe_key like ?",
                    "enlistment:" + id + ":%")).isEqualTo(1);
        }
    }

    @Test
    void oneKeySentByManyAtOnceIsOneApplicationAndEveryoneGetsItsAnswer() throws Exception {
        Http http = new Http(port);
        String body = Http.json(Applications.valid());
        String key = "one-key-" + System.nanoTime();
        List<Http.Response> answers = atOnce(() -> http.postJson("/api/v1/enlistments", body, "Idempotency-Key", key));
        Set<String> references = new HashSet<>();
        for (Http.Response r : answers) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            references.add(r.json().get("reference").stringValue());
        }
        assertThat(references).hasSize(1);
        assertThat(count("select count(*) from enlistment where reference = ?", references.iterator().next()))
                .isEqualTo(1);
        assertThat(count("select count(*) from intake_idempotency where idempotency_key = ?", key)).isEqualTo(1);
    }
}
