package legion.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

import legion.support.Applications;
import legion.support.Http;
import legion.support.TestDatabase;

/** Public endpoints are rate-limited per client: the limit engages (429, nothing stored) and releases. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "legion.rate-limit.per-client-burst=5", "legion.rate-limit.per-client-per-minute=60"})
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("integration")
class RateLimitTest {

    static final legion.support.MutableClock CLOCK = new legion.support.MutableClock(java.time.Instant.now());

    @org.springframework.boot.test.context.TestConfiguration
    static class Clocks {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void engagesAndReleases() {
        Http http = new Http(port);
        long before = jdbc.sql("select count(*) from enlistment").query(Long.class).single();
        int accepted = 0;
        Http.Response limited = null;
        for (int i = 0; i < 8; i++) {
            Http.Response r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid()));
            if (r.status() == 201) {
                accepted++;
            } else {
                limited = r;
            }
        }
        assertThat(accepted).isEqualTo(5);
        assertThat(limited).isNotNull();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from enlistment").query(Long.class).single()).isEqualTo(before + 5);
        // GETs of pages are not limited
        assertThat(http.get("/", null, null).status()).isEqualTo(200);
        // one token per second comes back (the buckets' clock moved by hand: nothing depends on how fast this runs)
        CLOCK.advance(java.time.Duration.ofMillis(1100));
        assertThat(http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).status()).isEqualTo(201);
        int statusAfterRelease = 201;
        for (int i = 0; i < 3 && statusAfterRelease == 201; i++) {
            statusAfterRelease = http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).status();
        }
        assertThat(statusAfterRelease).as("the bucket empties again").isEqualTo(429);
    }

    /** Every public POST is limited: seal verification too (issue 11), with nothing read past the limit. */
    @Test
    void sealVerificationIsLimitedToo() {
        Http http = new Http(port);
        int limited = 0;
        for (int i = 0; i < 12 && limited == 0; i++) {
            Http.Response r = http.postJson("/api/v1/authorizations/verify", "{\"hex\":\"00\"}");
            assertThat(r.status()).isLessThan(500);
            if (r.status() == 429) {
                limited++;
                assertThat(r.header("Retry-After")).isNotNull();
            }
        }
        assertThat(limited).isEqualTo(1);
    }
}
