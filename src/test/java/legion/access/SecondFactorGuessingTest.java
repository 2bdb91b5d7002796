package legion.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.shared.Role;
import legion.support.ConsoleSession;
import legion.support.FromAddress;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.TestDatabase;

/**
 * The attacks of issue 11 on the second factor, replayed: whoever has an officer's password cannot guess the code,
 * on the API or the console; the lock holds until an administrator, alerted in the console, unlocks the account.
 */
@LegionIntegrationTest
class SecondFactorGuessingTest {

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    SignInGuard guard;

    private String officer(String prefix) {
        String user = prefix + "-" + System.nanoTime();
        officers.create(user, "Guessed officer", "the-password", Role.VETTING_OFFICER, null);
        officers.setSecondFactor(user, TestDatabase.TOTP_SECRET);
        return user;
    }

    /** A six-digit code that is not valid now (nor a step either side). */
    private static String wrongCode(int i) {
        String right = TestDatabase.code();
        String guess = String.format("%06d", (Integer.parseInt(right) + 1 + i * 7919) % 1_000_000);
        return Totp.matchingStep(TestDatabase.TOTP_SECRET, guess, java.time.Instant.now()).isPresent()
                ? wrongCode(i + 1000) : guess;
    }

    @Test
    void fortyWrongCodesOnTheApiLockTheAccountAndTheRightCodeIsRefusedAfter() {
        String user = officer("api-guess");
        FromAddress attacker = new FromAddress("127.0.0.6", port);
        for (int i = 0; i < 40; i++) {
            assertThat(attacker.getAs("/api/v1/cases", user, "the-password", wrongCode(i)).status()).isEqualTo(401);
        }
        assertThat(attacker.getAs("/api/v1/cases", user, "the-password", TestDatabase.code()).status())
                .as("the right code after 40 wrong ones").isEqualTo(401);
        // locked for every client, and the administrators are told
        assertThat(new Http(port).get("/api/v1/cases", user, "the-password").status()).isEqualTo(401);
        assertThat(guard.locked(user)).isTrue();
        assertThat(guard.openAlerts()).anySatisfy(a -> {
            assertThat(a.username()).isEqualTo(user);
            assertThat(a.kind()).isEqualTo(SignInGuard.AlertKind.LOCKED_BY_WRONG_CODES);
        });
    }

    @Test
    void theApiLocksAfterFiveWrongCodesNotBefore() {
        String user = officer("api-five");
        Http http = new Http(port);
        FromAddress client = new FromAddress("127.0.0.7", port);
        for (int i = 0; i < SignInGuard.CODE_LOCK_AFTER - 1; i++) {
            client.getAs("/api/v1/cases", user, "the-password", wrongCode(i));
        }
        // a right password in between does not reset the count of wrong codes
        assertThat(client.getAs("/api/v1/cases", user, "the-password", null).status()).isEqualTo(401);
        assertThat(guard.locked(user)).isFalse();
        client.getAs("/api/v1/cases", user, "the-password", wrongCode(99));
        assertThat(guard.locked(user)).isTrue();
        assertThat(http.get("/api/v1/cases", user, "the-password").status()).isEqualTo(401);
    }

    @Test
    void aRightCodeStartsTheCountAgain() {
        String user = officer("api-reset");
        FromAddress client = new FromAddress("127.0.0.8", port);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < SignInGuard.CODE_LOCK_AFTER - 1; i++) {
                client.getAs("/api/v1/cases", user, "the-password", wrongCode(round * 10 + i));
            }
            assertThat(client.getAs("/api/v1/cases", user, "the-password", TestDatabase.code()).status())
                    .isEqualTo(200);
        }
        assertThat(guard.locked(user)).isFalse();
    }

    @Test
    void passwordAndTwoWrongCodesFiveTimesOverLockTheConsole() {
        String user = officer("console-guess");
        for (int round = 0; round < 5; round++) {
            ConsoleSession s = ConsoleSession.anonymous(port);
            var login = s.get("/login");
            var afterPassword = s.post("/login", Map.of("username", user, "password", "the-password",
                    "_csrf", login.csrf()));
            if (!afterPassword.location().endsWith("/login/code")) {
                assertThat(afterPassword.location()).as("round " + round).endsWith("/login?locked");
                continue;
            }
            var form = s.get("/login/code");
            for (int i = 0; i < 2; i++) {
                s.post("/login/code", Map.of("code", wrongCode(round * 2 + i), "_csrf", form.csrf()));
            }
        }
        assertThat(guard.locked(user)).isTrue();
        // the right password and the right code no longer get in
        ConsoleSession s = ConsoleSession.anonymous(port);
        var login = s.get("/login");
        assertThat(s.post("/login", Map.of("username", user, "password", "the-password", "_csrf", login.csrf()))
                .location()).endsWith("/login?locked");
        assertThat(s.get("/login?locked").body()).contains("administrator");
    }

    @Test
    void administratorsSeeTheAlertAndUnlock() {
        String user = officer("unlock");
        FromAddress attacker = new FromAddress("127.0.0.9", port);
        for (int i = 0; i < SignInGuard.CODE_LOCK_AFTER; i++) {
            attacker.getAs("/api/v1/cases", user, "the-password", wrongCode(i));
        }
        assertThat(guard.locked(user)).isTrue();
        ConsoleSession admin = ConsoleSession.login(port, "admin", "demo-password");
        var page = admin.get("/console/admin");
        assertThat(page.body()).contains("id=\"alert-" + user + "\"");
        var done = admin.postWithToken("/console/admin/officers/" + user + "/unlock", page, Map.of());
        assertThat(done.location()).endsWith("/console/admin");
        assertThat(guard.locked(user)).isFalse();
        assertThat(admin.get("/console/admin").body()).doesNotContain("id=\"alert-" + user + "\"");
        assertThat(new Http(port).get("/api/v1/cases", user, "the-password").status()).isEqualTo(200);
        // only administrators unlock
        ConsoleSession vetting = ConsoleSession.login(port, "vetting1", "demo-password");
        var home = vetting.get("/console/cases");
        assertThat(vetting.postWithToken("/console/admin/officers/" + user + "/unlock", home, Map.of()).status())
                .isEqualTo(403);
    }
}
