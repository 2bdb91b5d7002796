package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** An embassy officer sees and changes her embassy's cases only: another embassy's case is a 404 by every URL. */
@LegionIntegrationTest
class EmbassyScopingTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    String germanCase;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        germanCase = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Lukas", "Schröder", "DE")))
                .json().get("reference").stringValue();
    }

    String stage() {
        return jdbc.sql("select stage from enlistment where reference = ?").param(germanCase).query(String.class).single();
    }

    @Test
    void anotherEmbassysCaseDoesNotExistInTheApi() {
        assertThat(http.get("/api/v1/enlistments/" + germanCase, "embassy-de", PW).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/enlistments/" + germanCase, "embassy-us", PW).status()).isEqualTo(404);
        var act = http.postJsonAs("/api/v1/enlistments/" + germanCase + "/transitions",
                "{\"transition\":\"START_REVIEW\"}", "embassy-us", PW);
        assertThat(act.status()).isEqualTo(404);
        assertThat(stage()).isEqualTo("SUBMITTED");
        var queue = http.get("/api/v1/cases?embassy=DE&limit=200", "embassy-us", PW);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).doesNotContain(germanCase);
        queue.json().get("cases").forEach(c -> assertThat(c.get("embassy").stringValue()).isEqualTo("US"));
    }

    @Test
    void anotherEmbassysCaseDoesNotExistInTheConsole() {
        ConsoleSession us = ConsoleSession.login(port, "embassy-us", PW);
        assertThat(us.get("/console/cases/" + germanCase).status()).isEqualTo(404);
        var queue = us.get("/console/cases?embassy=DE");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).doesNotContain(germanCase);
        var post = us.postWithToken("/console/cases/" + germanCase + "/actions", queue,
                Map.of("transition", "START_REVIEW"));
        assertThat(post.status()).isEqualTo(404);
        assertThat(stage()).isEqualTo("SUBMITTED");

        ConsoleSession de = ConsoleSession.login(port, "embassy-de", PW);
        assertThat(de.get("/console/cases/" + germanCase).status()).isEqualTo(200);
        assertThat(de.get("/console/cases?limit=200").body()).contains(germanCase);
    }

    @Test
    void rolesWithoutCasesSeeNone() {
        for (String user : new String[] {"analyst1", "border1", "admin"}) {
            assertThat(http.get("/api/v1/enlistments/" + germanCase, user, PW).status()).as(user).isEqualTo(404);
            assertThat(ConsoleSession.login(port, user, PW).get("/console/cases/" + germanCase).status())
                    .as(user).isEqualTo(404);
        }
        assertThat(http.get("/api/v1/enlistments/" + germanCase, "vetting1", PW).status()).isEqualTo(200);
    }

    @Test
    void consolePagesNeedALogin() {
        ConsoleSession anonymous = ConsoleSession.anonymous(port);
        for (String path : new String[] {"/console", "/console/cases", "/console/cases/" + germanCase,
                "/console/reports", "/console/admin"}) {
            var page = anonymous.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/login");
        }
    }

    @Test
    void formsWithoutAValidCsrfTokenChangeNothing() {
        ConsoleSession de = ConsoleSession.login(port, "embassy-de", PW);
        var forged = de.post("/console/cases/" + germanCase + "/actions",
                Map.of("transition", "START_REVIEW", "_csrf", "forged"));
        assertThat(forged.status()).isEqualTo(403);
        var none = de.post("/console/cases/" + germanCase + "/actions", Map.of("transition", "START_REVIEW"));
        assertThat(none.status()).isEqualTo(403);
        assertThat(stage()).isEqualTo("SUBMITTED");
    }
}
