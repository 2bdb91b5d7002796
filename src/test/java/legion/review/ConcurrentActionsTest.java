package legion.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.enlistment.ConcurrentChangeException;
import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.enlistment.Stage;
import legion.shared.Actor;
import legion.shared.Role;
import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** Two officers acting on one case at once: one wins, the other gets a clear conflict, nothing is lost. */
@LegionIntegrationTest
class ConcurrentActionsTest {

    @LocalServerPort
    int port;
    @Autowired
    Enlistments enlistments;

    Reference submit(Http http) {
        return new Reference(http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).json()
                .get("reference").stringValue());
    }

    @Test
    void theSecondOfTwoInterleavedUpdatesIsAConflict() {
        Reference ref = submit(new Http(port));
        Enlistment first = enlistments.findByReference(ref).orElseThrow();
        Enlistment second = enlistments.findByReference(ref).orElseThrow();
        first.startReview(Actor.officer("alice", Role.EMBASSY_OFFICER, "GB"));
        second.startReview(Actor.officer("bob", Role.EMBASSY_OFFICER, "GB"));
        enlistments.update(first);
        assertThatThrownBy(() -> enlistments.update(second)).isInstanceOf(ConcurrentChangeException.class);
        Enlistment stored = enlistments.findByReference(ref).orElseThrow();
        assertThat(stored.stage()).isEqualTo(Stage.IN_REVIEW);
        assertThat(stored.history()).hasSize(2);
        assertThat(stored.history().get(1).actor()).isEqualTo("alice");
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void simultaneousRequestsHaveOneWinner() throws Exception {
        Http http = new Http(port);
        Reference ref = submit(http);
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return http.postJsonAs("/api/v1/enlistments/" + ref.value() + "/transitions",
                        "{\"transition\":\"START_REVIEW\"}", "embassy-gb", "demo-password");
            }));
        }
        start.countDown();
        int ok = 0;
        int conflicts = 0;
        for (Future<Http.Response> f : results) {
            Http.Response r = f.get();
            if (r.status() == 200) {
                ok++;
            } else {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                conflicts++;
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(conflicts).isEqualTo(n - 1);
        Enlistment stored = enlistments.findByReference(ref).orElseThrow();
        assertThat(stored.history()).hasSize(2);
        assertThat(stored.stage()).isEqualTo(Stage.IN_REVIEW);
    }

    @Test
    void anActionOnAStaleVersionIsRefused() {
        Http http = new Http(port);
        Reference ref = submit(http);
        var r = http.postJsonAs("/api/v1/enlistments/" + ref.value() + "/transitions",
                "{\"transition\":\"START_REVIEW\",\"expectedVersion\":0}", "embassy-gb", "demo-password");
        assertThat(r.status()).isEqualTo(200);
        // the answer carries the case's new version, the one the next action must name
        assertThat(r.json().get("version").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/enlistments/" + ref.value(), "embassy-gb", "demo-password").json().get("version")
                .asLong()).isEqualTo(1);
        var stale = http.postJsonAs("/api/v1/enlistments/" + ref.value() + "/transitions",
                "{\"transition\":\"INVITE_TO_INTERVIEW\",\"expectedVersion\":0," + legion.support.Cases.INTERVIEW
                        + "}", "embassy-gb", "demo-password");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(enlistments.findByReference(ref).orElseThrow().stage()).isEqualTo(Stage.IN_REVIEW);
        var current = http.postJsonAs("/api/v1/enlistments/" + ref.value() + "/transitions",
                "{\"transition\":\"INVITE_TO_INTERVIEW\",\"expectedVersion\":" + r.json().get("version").asLong()
                        + "," + legion.support.Cases.INTERVIEW + "}", "embassy-gb", "demo-password");
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).isEqualTo(2);
        assertThat(current.json().get("status").stringValue()).isEqualTo("INTERVIEW");
    }
}
