package legion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The whole life of one application, SUBMITTED → ENLISTED, through the real adapters: the public API, the officers'
 * API and the console, by the officers whose roles the product names.
 */
@LegionIntegrationTest
class LifecycleScenarioTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aVolunteerIsEnlisted() {
        Http http = new Http(port);
        // A volunteer living in the UK applies on the public API, without an account.
        Map<String, Object> application = Applications.valid("Arthur Philip", "Dent", "GB");
        JsonNode submitted = http.postJson("/api/v1/enlistments", Http.json(application)).json();
        String ref = submitted.get("reference").stringValue();
        assertThat(submitted.get("embassy").get("code").stringValue()).isEqualTo("GB");

        // The embassy in London reviews, asks for a service record, receives it and invites to an interview.
        act(http, ref, "embassy-gb", "{\"transition\":\"START_REVIEW\"}", "IN_REVIEW");
        act(http, ref, "embassy-gb", "{\"transition\":\"REQUEST_INFORMATION\",\"reason\":\"Send your DD-214\"}", "INFO_REQUESTED");
        act(http, ref, "embassy-gb", "{\"transition\":\"RECEIVE_INFORMATION\",\"reason\":\"received by email\"}", "IN_REVIEW");
        // An invitation names the date, time, time zone and mode; the outcome is recorded before recommending.
        var noSlot = http.postJsonAs(path(ref), "{\"transition\":\"INVITE_TO_INTERVIEW\"}", "embassy-gb", PW);
        assertThat(noSlot.status()).isEqualTo(422);
        assertThat(noSlot.json().get("refusal").stringValue()).isEqualTo("INTERVIEW_REQUIRED");
        act(http, ref, "embassy-gb", "{\"transition\":\"INVITE_TO_INTERVIEW\",\"reason\":\"video, Tuesday\","
                + legion.support.Cases.INTERVIEW + "}", "INTERVIEW");
        var notPassed = http.postJsonAs(path(ref), "{\"transition\":\"RECOMMEND\",\"reason\":\"ok\"}", "embassy-gb", PW);
        assertThat(notPassed.status()).isEqualTo(409);
        assertThat(notPassed.json().get("refusal").stringValue()).isEqualTo("INTERVIEW_NOT_PASSED");
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/interview", "{\"outcome\":\"PASSED\","
                + "\"notes\":\"fluent English\"}", "embassy-gb", PW).status()).isEqualTo(200);
        // Recommending needs a reason.
        assertThat(http.postJsonAs(path(ref), "{\"transition\":\"RECOMMEND\"}", "embassy-gb", PW).status()).isEqualTo(422);
        act(http, ref, "embassy-gb", "{\"transition\":\"RECOMMEND\",\"reason\":\"four years infantry, fluent English\"}", "VETTING");

        // The embassy cannot approve; HQ vetting does, in the console.
        assertThat(http.postJsonAs(path(ref), "{\"transition\":\"APPROVE\",\"expectedVersion\":5}", "embassy-gb", PW).status()).isEqualTo(403);
        // Screening has run and any possible duplicate (other test volunteers share the name) is decided, four eyes.
        legion.support.Cases.clearDuplicates(http, ref);
        ConsoleSession vetting = ConsoleSession.login(port, "vetting1", PW);
        var casePage = vetting.get("/console/cases/" + ref);
        assertThat(casePage.body()).contains("do-APPROVE");
        var approved = vetting.postWithToken("/console/cases/" + ref + "/actions", casePage,
                Map.of("transition", "APPROVE", "version", "5"));
        assertThat(approved.status()).isEqualTo(302);
        assertThat(stage(ref)).isEqualTo("APPROVED");
        act(http, ref, "vetting1", "{\"transition\":\"AUTHORIZE\"}", "AUTHORIZED");

        // The reception point confirms arrival and assigns role and unit.
        act(http, ref, "reception1", "{\"transition\":\"CONFIRM_ARRIVAL\"}", "ARRIVED");
        act(http, ref, "reception1", "{\"transition\":\"ENLIST\",\"role\":\"INFANTRY\",\"unit\":\"1st International Battalion\"}", "ENLISTED");

        // The volunteer sees the outcome with reference, passport number and date of birth.
        @SuppressWarnings("unchecked")
        String passport = (String) ((Map<String, Object>) application.get("passport")).get("number");
        JsonNode status = http.postJson("/api/v1/enlistments/status", Http.json(Map.of("reference", ref,
                "passportNumber", passport, "dateOfBirth", "1982-03-11"))).json();
        assertThat(status.get("status").stringValue()).isEqualTo("ENLISTED");

        // Every step is in the history (who, from, to, why) and in the audit log.
        JsonNode view = http.get("/api/v1/enlistments/" + ref, "vetting1", PW).json();
        assertThat(view.get("history").size()).isEqualTo(10);
        assertThat(view.get("history").get(1).get("actor").stringValue()).isEqualTo("embassy-gb");
        assertThat(view.get("history").get(2).get("reason").stringValue()).isEqualTo("Send your DD-214");
        assertThat(view.get("history").get(6).get("actor").stringValue()).isEqualTo("vetting1");
        long audited = jdbc.sql("select count(*) from audit_log where subject = ? and action like 'TRANSITION_%'")
                .param(ref).query(Long.class).single();
        assertThat(audited).isEqualTo(9);
        long submittedAudit = jdbc.sql("select count(*) from audit_log where subject = ? and action = 'ENLISTMENT_SUBMITTED'")
                .param(ref).query(Long.class).single();
        assertThat(submittedAudit).isEqualTo(1);
        long viewed = jdbc.sql("select count(*) from audit_log where subject = ? and action = 'CASE_VIEWED'")
                .param(ref).query(Long.class).single();
        assertThat(viewed).isGreaterThanOrEqualTo(2);
        long logins = jdbc.sql("select count(*) from audit_log where actor = 'vetting1' and action = 'OFFICER_LOGIN'")
                .query(Long.class).single();
        assertThat(logins).isGreaterThanOrEqualTo(1);
    }

    private void act(Http http, String ref, String officer, String body, String expectedStage) {
        var r = http.postJsonAs(path(ref), body, officer, PW);
        assertThat(r.status()).as(body + " by " + officer + ": " + r.body()).isEqualTo(200);
        assertThat(r.json().get("status").stringValue()).isEqualTo(expectedStage);
        assertThat(stage(ref)).isEqualTo(expectedStage);
    }

    private String stage(String ref) {
        return jdbc.sql("select stage from enlistment where reference = ?").param(ref).query(String.class).single();
    }

    private static String path(String ref) {
        return "/api/v1/enlistments/" + ref + "/transitions";
    }
}
