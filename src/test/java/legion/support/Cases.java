package legion.support;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

/**
 * Drives a case along the pipeline over the officers' API as the rules require: an interview invitation with its slot,
 * a recorded PASSED outcome before recommending, APPROVE once screening holds nothing (waiting for the screening,
 * deciding possible duplicates with four eyes: {@code vetting2} proposes, {@code vetting1} dismisses).
 */
public final class Cases {

    public static final String PW = "demo-password";
    /** An interview slot a month ahead of whatever day the test runs. */
    public static final String INTERVIEW = "\"interview\":{\"at\":\""
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30) + "T10:00\",\"zone\":\"Europe/London\","
            + "\"mode\":\"VIDEO\"}";

    private Cases() {
    }

    /** One transition as {@code officer}, who saw the case at its current version (sent unless the JSON names one). */
    public static Http.Response act(Http http, String ref, String officer, String json) {
        String body = json;
        if (!json.contains("\"expectedVersion\"")) {
            Http.Response seen = http.get("/api/v1/enlistments/" + ref, officer, PW);
            if (seen.status() == 200) {
                body = json.substring(0, json.lastIndexOf('}')) + ",\"expectedVersion\":"
                        + seen.json().get("version").asLong() + "}";
            }
        }
        return http.postJsonAs("/api/v1/enlistments/" + ref + "/transitions", body, officer, PW);
    }

    private static void ok(Http.Response r, String what) {
        if (r.status() != 200) {
            throw new AssertionError(what + " answered " + r.status() + ": " + r.body());
        }
    }

    /** START_REVIEW, INVITE_TO_INTERVIEW (with a slot), the outcome PASSED, RECOMMEND. */
    public static void toVetting(Http http, String ref, String embassyOfficer) {
        ok(act(http, ref, embassyOfficer, "{\"transition\":\"START_REVIEW\"}"), "START_REVIEW");
        toInterviewed(http, ref, embassyOfficer);
        ok(act(http, ref, embassyOfficer, "{\"transition\":\"RECOMMEND\",\"reason\":\"ok\"}"), "RECOMMEND");
    }

    /** From IN_REVIEW: invited with a slot, and the interview recorded as PASSED. */
    public static void toInterviewed(Http http, String ref, String embassyOfficer) {
        ok(act(http, ref, embassyOfficer, "{\"transition\":\"INVITE_TO_INTERVIEW\",\"reason\":\"video\"," + INTERVIEW
                + "}"), "INVITE_TO_INTERVIEW");
        ok(http.postJsonAs("/api/v1/enlistments/" + ref + "/interview", "{\"outcome\":\"PASSED\",\"notes\":\"fine\"}",
                embassyOfficer, PW), "interview");
    }

    /** The case's screening as vetting officers see it. */
    public static JsonNode screening(Http http, String ref) {
        Http.Response r = http.get("/api/v1/enlistments/" + ref + "/screening", "vetting1", PW);
        ok(r, "screening");
        return r.json();
    }

    /** Waits until the case is SCREENED, then dismisses its open duplicates with four eyes. */
    public static void clearDuplicates(Http http, String ref) {
        String status;
        try {
            status = Eventually.equalTo("SCREENED", Duration.ofSeconds(30),
                    () -> screening(http, ref).get("status").stringValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!"SCREENED".equals(status)) {
            throw new AssertionError("case " + ref + " was not screened in time");
        }
        for (JsonNode d : screening(http, ref).get("duplicates")) {
            String path = "/api/v1/enlistments/" + ref + "/screening/duplicates/" + d.get("id").asLong();
            String s = d.get("status").stringValue();
            if (s.equals("OPEN")) {
                ok(http.postJsonAs(path, "{\"decision\":\"DISMISS\"}", "vetting2", PW), "propose dismissal");
                s = "DISMISS_PROPOSED";
            }
            if (s.equals("DISMISS_PROPOSED")) {
                ok(http.postJsonAs(path, "{\"decision\":\"DISMISS\"}", "vetting1", PW), "dismiss");
            }
        }
    }

    /** Screened, duplicates dismissed, approved by {@code vetting1}. */
    public static void approve(Http http, String ref) {
        clearDuplicates(http, ref);
        ok(act(http, ref, "vetting1", "{\"transition\":\"APPROVE\"}"), "APPROVE");
    }

    /** A submitted case taken to AUTHORIZED by {@code embassyOfficer} and {@code vetting1}. */
    public static void authorize(Http http, String ref, String embassyOfficer) {
        toVetting(http, ref, embassyOfficer);
        approve(http, ref);
        ok(act(http, ref, "vetting1", "{\"transition\":\"AUTHORIZE\"}"), "AUTHORIZE");
    }
}
