package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.support.Applications;
import legion.support.Cases;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * The interview cannot be skipped: an invitation names date, time, time zone and mode (422 otherwise, on the API and
 * in the console alike), and a recommendation needs a recorded PASSED outcome (409 otherwise).
 */
@LegionIntegrationTest
class InterviewRulesTest {

    static final String PW = Cases.PW;

    @LocalServerPort
    int port;

    String inReview(Http http) {
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Ingrid", "Lindqvist", "GB")))
                .json().get("reference").stringValue();
        assertThat(Cases.act(http, ref, "embassy-gb", "{\"transition\":\"START_REVIEW\"}").status()).isEqualTo(200);
        return ref;
    }

    String stage(Http http, String ref) {
        return http.get("/api/v1/enlistments/" + ref, "embassy-gb", PW).json().get("status").stringValue();
    }

    @Test
    void anInvitationWithoutItsSlotIsRefusedAndChangesNothing() {
        Http http = new Http(port);
        String ref = inReview(http);
        for (String body : new String[] {
            "{\"transition\":\"INVITE_TO_INTERVIEW\"}",
            "{\"transition\":\"INVITE_TO_INTERVIEW\",\"interview\":{\"zone\":\"Europe/London\",\"mode\":\"VIDEO\"}}",
            "{\"transition\":\"INVITE_TO_INTERVIEW\",\"interview\":{\"at\":\"2027-01-11T10:00\",\"mode\":\"VIDEO\"}}",
            "{\"transition\":\"INVITE_TO_INTERVIEW\",\"interview\":{\"at\":\"2027-01-11T10:00\",\"zone\":\"Europe/London\"}}",
            "{\"transition\":\"INVITE_TO_INTERVIEW\",\"interview\":{\"at\":\"11/01/2027\",\"zone\":\"Europe/London\",\"mode\":\"VIDEO\"}}",
            "{\"transition\":\"INVITE_TO_INTERVIEW\",\"interview\":{\"at\":\"2027-01-11T10:00\",\"zone\":\"Mars/Olympus\",\"mode\":\"VIDEO\"}}",
            "{\"transition\":\"INVITE_TO_INTERVIEW\",\"interview\":{\"at\":\"2027-01-11T10:00\",\"zone\":\"UTC\",\"mode\":\"PHONE\"}}",
        }) {
            var r = Cases.act(http, ref, "embassy-gb", body);
            assertThat(r.status()).as(body).isEqualTo(422);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("refusal").stringValue()).isEqualTo("INTERVIEW_REQUIRED");
        }
        assertThat(stage(http, ref)).isEqualTo("IN_REVIEW");

        // the console sends the same and gets the same rule: no date, no invitation
        ConsoleSession officer = ConsoleSession.login(port, "embassy-gb", PW);
        var page = officer.get("/console/cases/" + ref);
        officer.postWithToken("/console/cases/" + ref + "/actions", page, Map.of("transition", "INVITE_TO_INTERVIEW",
                "interviewMode", "VIDEO", "interviewZone", "Europe/London", "interviewTime", "10:00", "reason", "x"));
        assertThat(officer.get("/console/cases/" + ref).body())
                .contains("An interview invitation needs the date, the time, the time zone and the mode.");
        assertThat(stage(http, ref)).isEqualTo("IN_REVIEW");
    }

    @Test
    void aRecommendationNeedsARecordedPass() {
        Http http = new Http(port);
        String ref = inReview(http);
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/interview", "{\"outcome\":\"PASSED\"}",
                "embassy-gb", PW).status()).as("no interview scheduled yet").isEqualTo(409);
        assertThat(Cases.act(http, ref, "embassy-gb", "{\"transition\":\"INVITE_TO_INTERVIEW\"," + Cases.INTERVIEW + "}")
                .status()).isEqualTo(200);
        String recommend = "{\"transition\":\"RECOMMEND\",\"reason\":\"good\"}";
        var none = Cases.act(http, ref, "embassy-gb", recommend);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("refusal").stringValue()).isEqualTo("INTERVIEW_NOT_PASSED");
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/interview", "{\"outcome\":\"MAYBE\"}",
                "embassy-gb", PW).status()).isEqualTo(400);
        for (String outcome : new String[] {"FAILED", "NO_SHOW"}) {
            var recorded = http.postJsonAs("/api/v1/enlistments/" + ref + "/interview",
                    "{\"outcome\":\"" + outcome + "\",\"notes\":\"n\"}", "embassy-gb", PW);
            assertThat(recorded.status()).isEqualTo(200);
            assertThat(Cases.act(http, ref, "embassy-gb", recommend).status()).as(outcome).isEqualTo(409);
        }
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/interview", "{\"outcome\":\"PASSED\"}",
                "embassy-us", PW).status()).as("another embassy's case").isEqualTo(404);
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/interview",
                "{\"outcome\":\"PASSED\",\"notes\":\"second interview went well\"}", "embassy-gb", PW).status())
                .isEqualTo(200);
        var done = Cases.act(http, ref, "embassy-gb", recommend);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").stringValue()).isEqualTo("VETTING");
    }
}
