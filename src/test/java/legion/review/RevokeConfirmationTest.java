package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Applications;
import legion.support.Cases;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Revoking a travel authorization in the console, as rejecting is (ConsoleBrowserTest): the case page only leads to
 * a page of its own (a GET), which asks for the reason; without one nothing changes and the same page tells it; with
 * one the case is revoked. Found missing by the walk of issue 13 (docs/issue13-walk.md): only REJECT was tested.
 */
@LegionIntegrationTest
class RevokeConfirmationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void revokingIsConfirmedOnAPageOfItsOwnWithTheReason() {
        Http http = new Http(port);
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Rolf", "Revoked", "GB")))
                .json().get("reference").stringValue();
        Cases.authorize(http, ref, "embassy-gb");
        assertThat(stage(ref)).isEqualTo("AUTHORIZED");

        ConsoleSession vetting = ConsoleSession.login(port, "vetting1", Cases.PW);
        ConsoleSession.Page casePage = vetting.get("/console/cases/" + ref);
        assertThat(casePage.status()).isEqualTo(200);
        // the case page's REVOKE is a GET to the confirmation page, never a post of the decision
        java.util.List<String> revokeForms = java.util.Arrays.stream(casePage.body().split("<form"))
                .filter(f -> f.contains("value=\"REVOKE\"")).map(f -> f.substring(0, f.indexOf('>'))).toList();
        assertThat(revokeForms).hasSize(1)
                .allSatisfy(f -> assertThat(f).contains("method=\"get\"", "/console/cases/" + ref + "/confirm"));
        ConsoleSession.Page confirm = vetting.getPage("/console/cases/" + ref + "/confirm?transition=REVOKE");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("id=\"confirm-case\"", ref)
                .containsPattern("<textarea id=\"reason\" name=\"reason\" required")
                .doesNotContain("id=\"reasonCode\""); // a revocation has its reason in words, no code chosen for it
        String version = confirm.body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

        ConsoleSession.Page refused = vetting.follow(vetting.postWithToken("/console/cases/" + ref + "/actions", confirm,
                Map.of("transition", "REVOKE", "version", version, "reason", "")));
        assertThat(refused.body()).contains("id=\"problem\"", "id=\"confirm-case\"");
        assertThat(stage(ref)).isEqualTo("AUTHORIZED");

        ConsoleSession.Page done = vetting.follow(vetting.postWithToken("/console/cases/" + ref + "/actions", confirm,
                Map.of("transition", "REVOKE", "version", version, "reason", "Found on a list after authorization.")));
        assertThat(done.status()).isEqualTo(200);
        assertThat(stage(ref)).isEqualTo("REVOKED");
        // and the confirmation page is no longer offered for a case that cannot be revoked
        assertThat(vetting.getPage("/console/cases/" + ref + "/confirm?transition=REVOKE").status()).isEqualTo(404);
    }

    private String stage(String ref) {
        return jdbc.sql("select stage from enlistment where reference = ?").param(ref).query(String.class).single();
    }
}
