package legion.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import legion.shared.Role;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.TestDatabase;

/**
 * Officers sign in with a password and a second factor: enrolment at the first sign-in, a code each time after,
 * codes used once, nothing of the console before the code, and the API needs a current code too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "legion.access.totp-replay-protection=true")
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("integration")
class TwoFactorTest {

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;

    @Test
    void enrolsAtTheFirstSignInAndAsksForACodeAfter() {
        String user = "new-" + System.nanoTime();
        officers.create(user, "New officer", "a-long-password", Role.VETTING_OFFICER, null);
        ConsoleSession s = ConsoleSession.anonymous(port);
        var login = s.get("/login");
        var afterPassword = s.post("/login", Map.of("username", user, "password", "a-long-password", "_csrf", login.csrf()));
        assertThat(afterPassword.location()).endsWith("/login/enrol");
        // nothing of the console before the second factor
        var console = s.get("/console/cases");
        assertThat(console.status()).isEqualTo(302);
        assertThat(console.location()).endsWith("/login/enrol");

        var enrol = s.get("/login/enrol");
        assertThat(enrol.body()).contains("data:image/png;base64,");
        String secret = enrol.body().replaceAll("(?s).*<code id=\"secret\">([A-Z2-7 ]+)</code>.*", "$1").replace(" ", "");
        var wrong = s.post("/login/enrol", Map.of("code", "000000".equals(Totp.code(secret, Instant.now())) ? "111111" : "000000",
                "_csrf", enrol.csrf()));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(officers.hasSecondFactor(user)).isFalse();
        // the code used to enrol, and the instant it was taken: the replay below sends this very code again, and "the
        // next step" is counted from this instant, so crossing a 30-second boundary during the test changes nothing
        Instant enrolledAt = Instant.now();
        String enrolCode = Totp.code(secret, enrolledAt);
        var ok = s.post("/login/enrol", Map.of("code", enrolCode, "_csrf", enrol.csrf()));
        assertThat(ok.location()).endsWith("/console");
        assertThat(officers.hasSecondFactor(user)).isTrue();
        assertThat(s.get("/console/cases").status()).isEqualTo(200);

        // the same code again (a replay) is refused; the next step's code works
        ConsoleSession again = ConsoleSession.anonymous(port);
        var l2 = again.get("/login");
        assertThat(again.post("/login", Map.of("username", user, "password", "a-long-password", "_csrf", l2.csrf()))
                .location()).endsWith("/login/code");
        var codePage = again.get("/login/code");
        var replay = again.post("/login/code", Map.of("code", enrolCode, "_csrf", codePage.csrf()));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).contains("not right");
        var next = again.post("/login/code", Map.of("code", Totp.code(secret, enrolledAt.plusSeconds(30)),
                "_csrf", codePage.csrf()));
        assertThat(next.location()).endsWith("/console");
    }

    @Test
    void theApiNeedsACurrentCode() {
        String user = "api-" + System.nanoTime();
        officers.create(user, "API officer", "a-long-password", Role.VETTING_OFFICER, null);
        Http http = new Http(port);
        // not enrolled: no API access
        assertThat(http.get("/api/v1/cases", user, "a-long-password").status()).isEqualTo(401);
        officers.setSecondFactor(user, TestDatabase.TOTP_SECRET);
        assertThat(http.get("/api/v1/cases", user, "a-long-password").status()).isEqualTo(200);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/cases"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (user + ":a-long-password").getBytes()))
                .header("X-Legion-OTP", "123456".equals(TestDatabase.code()) ? "654321" : "123456").build();
        try {
            assertThat(client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void wrongCodesCountTowardsTheLock() {
        String user = "guess-" + System.nanoTime();
        officers.create(user, "Guessed officer", "a-long-password", Role.VETTING_OFFICER, null);
        officers.setSecondFactor(user, TestDatabase.TOTP_SECRET);
        ConsoleSession s = ConsoleSession.anonymous(port);
        var login = s.get("/login");
        s.post("/login", Map.of("username", user, "password", "a-long-password", "_csrf", login.csrf()));
        var form = s.get("/login/code");
        String last = null;
        for (int i = 0; i < SignInGuard.CODE_LOCK_AFTER && (last == null || !last.contains("locked")); i++) {
            var r = s.post("/login/code", Map.of("code", "12345" + (i % 10), "_csrf", form.csrf()));
            last = r.location() == null ? "" : r.location();
        }
        assertThat(officers.find(user).orElseThrow().isAccountNonLocked()).isFalse();
    }
}
