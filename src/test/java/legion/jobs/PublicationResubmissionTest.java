package legion.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Events are delivered at least once, whatever happens to a listener: a listener that fails once gets the event
 * again from the resubmission job and completes it; a publication that a crashed node left in processing is marked
 * stale and delivered again. Real intake over HTTP, real registry table, real scheduler (intervals shortened).
 */
@LegionIntegrationTest
@Import(PublicationResubmissionTest.Listeners.class)
@TestPropertySource(properties = {
        "legion.events.resubmit-interval=PT1S", "legion.events.resubmit-min-age=PT0S",
        "spring.modulith.events.staleness.processing=PT3S", "spring.modulith.events.staleness.check-intervall=PT1S"})
class PublicationResubmissionTest {

    /** Fails the first delivery of the next submitted case, then succeeds. */
    static class FlakyListener {

        static final AtomicBoolean FAIL_NEXT = new AtomicBoolean();
        static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

        @ApplicationModuleListener
        void on(EnlistmentSubmitted e) {
            CALLS.computeIfAbsent(e.reference().value(), r -> new AtomicInteger()).incrementAndGet();
            if (FAIL_NEXT.compareAndSet(true, false)) {
                throw new IllegalStateException("failing once on purpose");
            }
        }
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aListenerThatFailsOnceGetsTheEventAgainAndCompletesIt() {
        FlakyListener.FAIL_NEXT.set(true);
        String ref = new Http(port).postJson("/api/v1/enlistments", Http.json(Applications.valid()))
                .json().get("reference").stringValue();

        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(status(ref)));
        assertThat(FlakyListener.CALLS.get(ref)).hasValue(2);
        assertThat(jdbc.sql("select completion_attempts from event_publication where listener_id like '%FlakyListener%' "
                + "and serialized_event like ?").param("%" + ref + "%").query(Integer.class).single())
                .as("the first delivery and one resubmission").isEqualTo(2);
        // reporting's row was written with the case, once, and not disturbed
        assertThat(jdbc.sql("select count(*) from reporting_case r join enlistment e on e.id = r.enlistment_id "
                + "where e.reference = ?").param(ref).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPublicationLeftInProcessingByACrashedNodeIsDeliveredAgain() {
        String ref = new Http(port).postJson("/api/v1/enlistments", Http.json(Applications.valid()))
                .json().get("reference").stringValue();
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(status(ref)));
        Map<String, Object> row = jdbc.sql("select listener_id, event_type, serialized_event, id from event_publication "
                        + "where listener_id like '%FlakyListener%' and serialized_event like ?")
                .param("%" + ref + "%").query().singleRow();
        // what a node that died while the listener ran leaves behind: the same kind of event, for a case of its own,
        // published an hour ago, still in processing
        UUID caseId = UUID.randomUUID();
        String other = Reference.random().value();
        String json = ((String) row.get("serialized_event")).replace(ref, other)
                .replaceFirst("\"id\":\\{\"value\":\"[0-9a-f-]+\"", "\"id\":{\"value\":\"" + caseId + "\"");
        assertThat(json).contains(caseId.toString());
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, "
                        + "status, completion_attempts) values (?, ?, ?, ?, ?, 'PROCESSING', 0)")
                .params(UUID.randomUUID(), row.get("listener_id"), row.get("event_type"), json,
                        OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
                .update();

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(other)));
        assertThat(FlakyListener.CALLS.get(other)).as("delivered again, once").hasValue(1);
    }

    private String status(String ref) {
        return jdbc.sql("select status from event_publication where listener_id like '%FlakyListener%' "
                + "and serialized_event like ?").param("%" + ref + "%").query(String.class).optional().orElse(null);
    }
}
