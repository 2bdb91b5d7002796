package legion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** Client input that used to answer 500 (issue 11): long portal idempotency keys, {@code /error} asked directly. */
@LegionIntegrationTest
class NoServerErrorTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static Map<String, String> answers(String key) {
        Map<String, String> form = legion.support.Applications.portalForm();
        form.put("idempotencyKey", key);
        return form;
    }

    long cases() {
        return jdbc.sql("select count(*) from enlistment").query(Long.class).single();
    }

    @ParameterizedTest
    @ValueSource(ints = {57, 58, 60, 63, 64})
    void longIdempotencyKeysOnThePortalAreHandled(int length) {
        String key = "k".repeat(length - 3) + length;
        ConsoleSession s = ConsoleSession.anonymous(port);
        var page = s.follow(s.get("/apply"));
        long before = cases();
        var first = s.postWithToken("/apply/submit", page, answers(key));
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).endsWith("/apply/confirmation");
        // the same key and answers again: nothing new stored (the key still works as a key)
        var again = s.postWithToken("/apply/submit", page, answers(key));
        assertThat(again.status()).isEqualTo(302);
        assertThat(cases()).isEqualTo(before + 1);
    }

    @Test
    void errorAskedDirectlyAnswersAsAnUnknownPage() {
        Http http = new Http(port);
        int unknown = http.getWith("/no-such-page-" + System.nanoTime()).status();
        assertThat(unknown).isEqualTo(404);
        for (String path : new String[] {"/error", "/error?x=1", "/error/"}) {
            assertThat(http.getWith(path).status()).as(path).isEqualTo(404);
        }
        assertThat(http.post("/error", "application/x-www-form-urlencoded", "a=b".getBytes()).status())
                .isLessThan(500);
        assertThat(http.getWith("/api/v1/no-such-route").status()).isLessThan(500);
    }
}
