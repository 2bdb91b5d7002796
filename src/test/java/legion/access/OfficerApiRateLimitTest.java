package legion.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import legion.shared.Role;
import legion.support.FromAddress;
import legion.support.TestDatabase;

/**
 * The officers' API is rate-limited per client address (before authentication) and per signed-in account (after
 * the code), so guessing is slowed; a stranger using an officer's name does not use up that officer's allowance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "legion.rate-limit.officer-api.per-client-burst=10", "legion.rate-limit.officer-api.per-client-per-minute=1",
        "legion.rate-limit.officer-api.per-account-burst=5", "legion.rate-limit.officer-api.per-account-per-minute=1"})
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("integration")
class OfficerApiRateLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;

    private String officer(String prefix) {
        String user = prefix + "-" + System.nanoTime();
        officers.create(user, "Busy officer", "the-password", Role.VETTING_OFFICER, null);
        officers.setSecondFactor(user, TestDatabase.TOTP_SECRET);
        return user;
    }

    @Test
    void perClientBeforeAuthentication() {
        FromAddress guesser = new FromAddress("127.0.1.1", port);
        int unauthorized = 0;
        FromAddress.Response last = null;
        for (int i = 0; i < 12; i++) {
            last = guesser.getAs("/api/v1/cases", "nobody", "guess-" + i, "000000");
            unauthorized += last.status() == 401 ? 1 : 0;
        }
        assertThat(unauthorized).isEqualTo(10);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        // another client is not affected, and the public API is not limited by this
        assertThat(new FromAddress("127.0.1.2", port).getAs("/api/v1/cases", "nobody", "x", "000000").status())
                .isEqualTo(401);
        assertThat(guesser.send("GET /api/v1/advisories/GB HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .status()).isEqualTo(200);
    }

    @Test
    void perAccountAfterTheCodeOnly() {
        String user = officer("busy");
        // a stranger hammering with the officer's name and wrong passwords does not use up the account's allowance
        FromAddress stranger = new FromAddress("127.0.1.3", port);
        for (int i = 0; i < 10; i++) {
            stranger.getAs("/api/v1/cases", user, "wrong-" + i, TestDatabase.code());
        }
        int ok = 0;
        FromAddress.Response last = null;
        for (int i = 0; i < 7; i++) {
            // from several clients, so that the per-client limit is not the one that answers
            last = new FromAddress("127.0.1." + (10 + i), port).getAs("/api/v1/cases", user, "the-password",
                    TestDatabase.code());
            ok += last.status() == 200 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(5);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.body()).contains("this account");
        // another officer is not affected
        assertThat(new FromAddress("127.0.1.30", port).getAs("/api/v1/cases", officer("other"), "the-password",
                TestDatabase.code()).status()).isEqualTo(200);
    }
}
