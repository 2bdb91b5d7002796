package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.Cases;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Officers' input over the API and the console: decisions need the version they were taken on (issue 11 item 7
 * replayed), and reasons, units and notes follow the same text rule as applicants' names (item 6).
 */
@LegionIntegrationTest
class OfficerInputTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;
    @Autowired
    Enlistments enlistments;

    String path(String ref) {
        return "/api/v1/enlistments/" + ref + "/transitions";
    }

    Enlistment load(String ref) {
        return enlistments.findByReference(new Reference(ref)).orElseThrow();
    }

    /** A case in VETTING (version 3) with screening done and nothing holding it. */
    String inVetting(Http http) {
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).json()
                .get("reference").stringValue();
        Cases.toVetting(http, ref, "embassy-gb");
        Cases.clearDuplicates(http, ref);
        return ref;
    }

    @Test
    void aRejectWithoutVersionAfterSomeoneElsesApprovalIsRefused() {
        Http http = new Http(port);
        String ref = inVetting(http);
        assertThat(http.postJsonAs(path(ref), "{\"transition\":\"APPROVE\",\"expectedVersion\":3}", "vetting1", PW)
                .status()).isEqualTo(200);

        // vetting2 decided on the case as it was before the approval and sends its rejection without a version
        var blind = http.postJsonAs(path(ref),
                "{\"transition\":\"REJECT\",\"reasonCode\":\"SECURITY\",\"reason\":\"doubts\"}", "vetting2", PW);
        assertThat(blind.status()).isEqualTo(422);
        assertThat(blind.header("Content-Type")).startsWith("application/problem+json");
        assertThat(blind.json().get("errors").get(0).get("field").stringValue()).isEqualTo("expectedVersion");
        assertThat(blind.json().get("errors").get(0).get("message").stringValue())
                .isEqualTo("Give the version of the case you decided on (expectedVersion)");
        // with the version it saw, it is a conflict
        var stale = http.postJsonAs(path(ref),
                "{\"transition\":\"REJECT\",\"reasonCode\":\"SECURITY\",\"reason\":\"doubts\",\"expectedVersion\":3}",
                "vetting2", PW);
        assertThat(stale.status()).isEqualTo(409);
        Enlistment stored = load(ref);
        assertThat(stored.stage().name()).isEqualTo("APPROVED");
        assertThat(stored.version()).isEqualTo(4);
        assertThat(stored.history()).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPROVE", "REJECT", "REVOKE"})
    void decisionsNeedTheVersion(String transition) {
        Http http = new Http(port);
        String ref = inVetting(http);
        var r = http.postJsonAs(path(ref), "{\"transition\":\"" + transition + "\",\"reasonCode\":\"OTHER\","
                + "\"reason\":\"because\"}", "vetting1", PW);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"expectedVersion\"");
        assertThat(load(ref).version()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200b\u200b", "needs \u202eecruos", "bell\u0007", "x\u0000y"})
    void reasonsFollowTheTextRule(String reason) {
        Http http = new Http(port);
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).json()
                .get("reference").stringValue();
        http.postJsonAs(path(ref), "{\"transition\":\"START_REVIEW\"}", "embassy-gb", PW);
        var r = http.postJsonAs(path(ref), Http.json(Map.of("transition", "REQUEST_INFORMATION", "reason", reason)),
                "embassy-gb", PW);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").stringValue()).isEqualTo("reason");
        assertThat(load(ref).stage().name()).isEqualTo("IN_REVIEW");
        // several lines are fine in a reason
        assertThat(http.postJsonAs(path(ref), Http.json(Map.of("transition", "REQUEST_INFORMATION",
                "reason", "Send your service record.\nAnd a passport scan.")), "embassy-gb", PW).status()).isEqualTo(200);
        assertThat(load(ref).history().get(2).reason()).isEqualTo("Send your service record.\nAnd a passport scan.");
    }

    @Test
    void longReasonsAndBadUnitsAreRefusedNot500() {
        Http http = new Http(port);
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).json()
                .get("reference").stringValue();
        http.postJsonAs(path(ref), "{\"transition\":\"START_REVIEW\"}", "embassy-gb", PW);
        var r = http.postJsonAs(path(ref), Http.json(Map.of("transition", "REQUEST_INFORMATION",
                "reason", "x".repeat(2001))), "embassy-gb", PW);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("message").stringValue())
                .isEqualTo("The reason must be 2000 characters or fewer");
        var unit = http.postJsonAs(path(ref), Http.json(Map.of("transition", "ENLIST", "role", "COOK",
                "unit", "Unit\u202e")), "reception1", PW);
        assertThat(unit.status()).isIn(404, 422); // not in reception's scope yet: either way nothing changes
        assertThat(load(ref).version()).isEqualTo(1);
    }

    @Test
    void theConsoleRefusesABadReasonAndSaysWhy() {
        Http http = new Http(port);
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).json()
                .get("reference").stringValue();
        http.postJsonAs(path(ref), "{\"transition\":\"START_REVIEW\"}", "embassy-gb", PW);
        ConsoleSession console = ConsoleSession.login(port, "embassy-gb", PW);
        var page = console.get("/console/cases/" + ref);
        console.postWithToken("/console/cases/" + ref + "/actions", page,
                Map.of("transition", "REQUEST_INFORMATION", "reason", "\u2066\u2069", "version", "1"));
        assertThat(console.get("/console/cases/" + ref).body())
                .contains("The reason was not recorded: it must contain visible text");
        assertThat(load(ref).stage().name()).isEqualTo("IN_REVIEW");
    }
}
