package legion.parole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.access.Officers;
import legion.shared.Role;
import legion.shared.Unit;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.TestDatabase;

/**
 * Program 3 through its REST API, as officers call it (HTTP Basic + X-Legion-OTP): the whole case from the
 * application to discharge, each role confined to its stages, a facility's cases invisible to another facility,
 * the eligible-soon list, problems for bad input.
 */
@LegionIntegrationTest
class ParoleApiTest {

    static final String PW = "parole-test-password";
    static final String FACILITY = "UA-PRN-77";
    static final String OTHER_FACILITY = "UA-PRN-12";
    static final String UNIT = "UA-UNIT-A4321";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Officers officers;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        Unit facility = Unit.of(Unit.PRISON, FACILITY);
        Unit military = Unit.of(Unit.MILITARY_UNIT, UNIT);
        officer("t-prison-77", Role.PRISON_OFFICER, facility);
        officer("t-prison-12", Role.PRISON_OFFICER, Unit.of(Unit.PRISON, OTHER_FACILITY));
        officer("t-medical", Role.MEDICAL_BOARD, null);
        officer("t-commander", Role.UNIT_COMMANDER, military);
        officer("t-clerk", Role.COURT_CLERK, null);
        officer("t-escort", Role.ESCORT, null);
        officer("t-tcc", Role.TCC_OFFICER, null);
        officer("t-supervisor", Role.SUPERVISING_OFFICER, military);
        officer("t-prosecutor", Role.PROSECUTOR, null);
    }

    private void officer(String username, Role role, Unit unit) {
        if (!officers.exists(username)) {
            officers.createInUnit(username, username, PW, role, unit);
            officers.setSecondFactor(username, TestDatabase.TOTP_SECRET);
        }
    }

    private static Map<String, Object> filing(String offences, LocalDate sentenceEnd) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Олег Петренко");
        body.put("dateOfBirth", "1988-04-12");
        body.put("prisonerNumber", "77-00412");
        body.put("offences", offences);
        body.put("sentenceEnd", sentenceEnd == null ? null : sentenceEnd.toString());
        body.put("lifeSentence", false);
        body.put("especiallyResponsiblePost", false);
        body.put("consent", Map.of("witness", "Senior inspector Kovalenko"));
        return body;
    }

    private Http.Response file(Map<String, Object> body, String officer) {
        return http.postJsonAs("/api/v1/parole/cases", Http.json(body), officer, PW);
    }

    private Http.Response act(String reference, String officer, Map<String, Object> body) {
        return http.postJsonAs("/api/v1/parole/cases/" + reference + "/transitions", Http.json(body), officer, PW);
    }

    private Http.Response act(String reference, String officer, String transition) {
        return act(reference, officer, Map.of("transition", transition, "reason", "recorded by " + officer));
    }

    private String stage(String reference) {
        return jdbc.sql("select stage from parole_case where reference = ?").param(reference).query(String.class)
                .single();
    }

    @Test
    void theWholeCaseFromApplicationToDischargeThroughTheApi() {
        Http.Response filed = file(filing("ст. 185 ч. 4; 121:1", LocalDate.now().plusYears(2)), "t-prison-77");
        assertThat(filed.status()).isEqualTo(201);
        String ref = filed.json().get("reference").stringValue();
        assertThat(ref).matches("PRL-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(filed.header("Location")).isEqualTo("/api/v1/parole/cases/" + ref);
        assertThat(filed.json().get("status").stringValue()).isEqualTo("APPLIED");
        assertThat(filed.json().get("verdict").get("outcome").stringValue()).isEqualTo("ELIGIBLE");
        assertThat(filed.json().get("verdict").get("policyVersion").intValue()).isPositive();
        assertThat(filed.json().get("convict").get("offences").stringValue()).isEqualTo("185:4;121:1");
        assertThat(filed.json().get("actions").toString()).contains("SCREEN", "WITHDRAW", "RELEASE_AT_HIGHEST_LEVEL");

        assertThat(act(ref, "t-prison-77", "SCREEN").status()).isEqualTo(200);
        assertThat(act(ref, "t-medical", "FIND_FIT").status()).isEqualTo(200);
        assertThat(act(ref, "t-commander", Map.of("transition", "ACCEPT", "reason", "combat experience",
                "unit", UNIT)).status()).isEqualTo(200);
        assertThat(act(ref, "t-prison-77", "PETITION").status()).isEqualTo(200);
        Http.Response released = act(ref, "t-clerk", Map.of("transition", "RELEASE", "ruling",
                Map.of("court", "Shevchenkivskyi district court", "caseNumber", "761/1234/25",
                        "effectiveAt", "2025-05-01T09:00:00Z")));
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("handOverDue").stringValue()).isEqualTo("2025-05-02T09:00:00Z");
        assertThat(released.json().get("releaseKind").stringValue()).isEqualTo("COURT");
        assertThat(act(ref, "t-escort", "HAND_OVER").status()).isEqualTo(200);
        assertThat(act(ref, "t-tcc", Map.of("transition", "SIGN_CONTRACT", "unit", UNIT, "position", "rifleman"))
                .status()).isEqualTo(200);
        assertThat(act(ref, "t-supervisor", "REPORT_ABSENCE").status()).isEqualTo(200);
        assertThat(act(ref, "t-supervisor", "RETURN_TO_UNIT").status()).isEqualTo(200);
        Http.Response discharged = act(ref, "t-supervisor", "DISCHARGE");
        assertThat(discharged.status()).isEqualTo(200);
        assertThat(discharged.json().get("status").stringValue()).isEqualTo("DISCHARGED");
        assertThat(discharged.json().get("history").size()).isEqualTo(11);
        assertThat(discharged.json().get("service").get("position").stringValue()).isEqualTo("rifleman");

        long audited = jdbc.sql("select count(*) from audit_log where subject = ? and action like 'PAROLE_%'")
                .param(ref).query(Long.class).single();
        assertThat(audited).as("11 edges, 2 service events, 1 referral").isEqualTo(14);
        // the convict's name is stored encrypted only
        String stored = jdbc.sql("select full_name from parole_case where reference = ?").param(ref)
                .query(String.class).single();
        assertThat(stored).doesNotContain("Петренко").startsWith("v1:");
    }

    @Test
    void eachRoleActsOnlyInItsOwnStage() {
        String ref = file(filing("185:1", LocalDate.now().plusYears(1)), "t-prison-77").json().get("reference")
                .stringValue();
        // the medical board cannot see an application not yet screened; a court clerk may not screen
        assertThat(act(ref, "t-medical", "FIND_FIT").status()).isEqualTo(404);
        assertThat(act(ref, "t-clerk", "SCREEN").status()).isEqualTo(404);
        assertThat(act(ref, "t-prison-77", "PETITION").status()).isEqualTo(409);
        assertThat(stage(ref)).isEqualTo("APPLIED");
        act(ref, "t-prison-77", "SCREEN");
        Http.Response notTheirs = act(ref, "t-prison-77", "FIND_FIT");
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.json().get("refusal").stringValue()).isEqualTo("ROLE_NOT_PERMITTED");
        Http.Response commanderTooEarly = act(ref, "t-commander", Map.of("transition", "ACCEPT", "unit", UNIT,
                "reason", "x"));
        assertThat(commanderTooEarly.status()).isEqualTo(404);
        Http.Response refused = act(ref, "t-medical", Map.of("transition", "FIND_UNFIT"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("refusal").stringValue()).isEqualTo("DETAILS_REQUIRED");
        assertThat(stage(ref)).isEqualTo("SCREENED");
    }

    @Test
    void anotherFacilitysCaseDoesNotExistForItsPrisonOfficers() {
        String ref = file(filing("185:1", LocalDate.now().plusYears(1)), "t-prison-77").json().get("reference")
                .stringValue();
        assertThat(http.get("/api/v1/parole/cases/" + ref, "t-prison-77", PW).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/parole/cases/" + ref, "t-prison-12", PW).status()).isEqualTo(404);
        assertThat(act(ref, "t-prison-12", "SCREEN").status()).isEqualTo(404);
        assertThat(stage(ref)).isEqualTo("APPLIED");
        assertThat(file(filing("185:1", LocalDate.now().plusYears(1)), "t-clerk").status()).isEqualTo(403);
    }

    @Test
    void theUnitAndPositionAreHiddenFromPrisonCourtAndEscort() {
        String ref = file(filing("185:1", LocalDate.now().plusYears(1)), "t-prison-77").json().get("reference")
                .stringValue();
        act(ref, "t-prison-77", "SCREEN");
        act(ref, "t-medical", "FIND_FIT");
        act(ref, "t-commander", Map.of("transition", "ACCEPT", "reason", "ok", "unit", UNIT));
        act(ref, "t-prison-77", "RELEASE_AT_HIGHEST_LEVEL");
        Http.Response highest = act(ref, "t-prison-77", Map.of("transition", "RELEASE_AT_HIGHEST_LEVEL",
                "reason", "as in 2022", "authority", Map.of("authority", "Office of the President",
                        "reference", "No. 12/2022", "decidedOn", "2022-02-28")));
        assertThat(highest.status()).isEqualTo(200);
        assertThat(highest.json().get("releaseKind").stringValue()).isEqualTo("HIGHEST_LEVEL");
        assertThat(highest.json().get("releasedAtHighestLevel").get("authority").stringValue())
                .isEqualTo("Office of the President");
        act(ref, "t-escort", "HAND_OVER");
        act(ref, "t-tcc", Map.of("transition", "SIGN_CONTRACT", "unit", UNIT, "position", "drone operator"));
        for (String officer : new String[] {"t-prison-77", "t-tcc", "t-prosecutor"}) {
            Http.Response seen = http.get("/api/v1/parole/cases/" + ref, officer, PW);
            assertThat(seen.status()).as(officer).isEqualTo(200);
            assertThat(seen.body()).as(officer).doesNotContain("drone operator").doesNotContain(UNIT);
        }
        assertThat(http.get("/api/v1/parole/cases/" + ref, "t-escort", PW).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/parole/cases/" + ref, "t-clerk", PW).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/parole/cases/" + ref, "t-supervisor", PW).body()).contains("drone operator");
    }

    @Test
    void eligibleSoonListsTheFacilitysConvictsWhoseRemainingTermShrinksWithinTheDays() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Kyiv"));
        String soon = file(filing("185:1", today.plusYears(3).plusDays(10)), "t-prison-77").json()
                .get("reference").stringValue();
        String later = file(filing("185:1", today.plusYears(3).plusDays(200)), "t-prison-77").json()
                .get("reference").stringValue();
        String elsewhere = file(filing("185:1", today.plusYears(3).plusDays(5)), "t-prison-12").json()
                .get("reference").stringValue();
        Http.Response list = http.get("/api/v1/parole/eligible-soon?days=30", "t-prison-77", PW);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(soon).doesNotContain(later).doesNotContain(elsewhere);
        assertThat(list.json().get("facility").stringValue()).isEqualTo(FACILITY);
        assertThat(list.json().get("next").isNull()).as("the whole list unless a page is asked").isTrue();
        // paged (an extension of the contract): soonest first, each page continuing after the one before
        String sooner = file(filing("185:1", today.plusYears(3).plusDays(3)), "t-prison-77").json()
                .get("reference").stringValue();
        java.util.List<String> all = new java.util.ArrayList<>();
        http.get("/api/v1/parole/eligible-soon?days=30", "t-prison-77", PW).json().get("convicts")
                .forEach(c -> all.add(c.get("reference").stringValue()));
        assertThat(all).containsSubsequence(sooner, soon);
        Http.Response first = http.get("/api/v1/parole/eligible-soon?days=30&limit=1", "t-prison-77", PW);
        assertThat(first.json().get("convicts").size()).isEqualTo(1);
        assertThat(first.json().get("convicts").get(0).get("reference").stringValue()).isEqualTo(all.get(0));
        java.util.List<String> paged = new java.util.ArrayList<>(java.util.List.of(all.get(0)));
        String next = first.json().get("next").stringValue();
        while (next != null) {
            Http.Response page = http.get("/api/v1/parole/eligible-soon?days=30&limit=1&after="
                    + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8), "t-prison-77", PW);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("convicts").forEach(c -> paged.add(c.get("reference").stringValue()));
            next = page.json().get("next").isNull() ? null : page.json().get("next").stringValue();
            assertThat(paged.size()).isLessThanOrEqualTo(all.size() + 1);
        }
        assertThat(paged).isEqualTo(all);
        assertThat(http.get("/api/v1/parole/eligible-soon?days=30&limit=0", "t-prison-77", PW).status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/parole/eligible-soon?days=30&limit=501", "t-prison-77", PW).status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/parole/eligible-soon?days=30&after=nowhere", "t-prison-77", PW).status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/parole/eligible-soon?days=-1", "t-prison-77", PW).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/parole/eligible-soon?days=x", "t-prison-77", PW).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/parole/eligible-soon?days=30", "t-clerk", PW).status()).isEqualTo(403);
        // the facility's queue: its own cases only, no personal data
        Http.Response queue = http.get("/api/v1/parole/cases?stage=APPLIED&limit=200", "t-prison-77", PW);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).doesNotContain(elsewhere).doesNotContain("Петренко");
        assertThat(http.get("/api/v1/parole/cases?stage=APPLIED&limit=200", "t-prison-12", PW).body())
                .doesNotContain(soon).doesNotContain(later);
    }

    @Test
    void badFilingsAreProblemsAndStoreNothing() {
        long before = jdbc.sql("select count(*) from parole_case").query(Long.class).single();
        Http.Response unreadable = file(filing("11x;115:1", LocalDate.now().plusYears(1)), "t-prison-77");
        assertThat(unreadable.status()).isEqualTo(422);
        assertThat(unreadable.json().get("detail").stringValue()).contains("UNREADABLE_OFFENCE(11x)");
        Map<String, Object> noWitness = filing("185:1", LocalDate.now().plusYears(1));
        noWitness.put("consent", Map.of("witness", " "));
        assertThat(file(noWitness, "t-prison-77").status()).isEqualTo(422);
        Map<String, Object> noEnd = filing("185:1", null);
        assertThat(file(noEnd, "t-prison-77").status()).isEqualTo(422);
        assertThat(http.postJsonAs("/api/v1/parole/cases", "{not json", "t-prison-77", PW).status()).isEqualTo(400);
        assertThat(http.postJsonAs("/api/v1/parole/cases/PRL-0000-0000/transitions", "{\"transition\":\"NOPE\"}",
                "t-prison-77", PW).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from parole_case").query(Long.class).single()).isEqualTo(before);
        assertThat(http.get("/api/v1/parole/cases/PRL-0000-0000", "t-prison-77", PW).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/parole/cases/PRL-0000-0000", null, null).status()).isEqualTo(401);
    }

    @Test
    void aPublishedPolicyVersionJudgesOpenCasesAgainAndReportsWhatChanged() {
        officer("t-admin", Role.ADMINISTRATOR, null);
        String open = file(filing("ст. 185 ч. 1", LocalDate.now().plusYears(1)), "t-prison-77").json()
                .get("reference").stringValue();
        String decided = file(filing("185:1", LocalDate.now().plusYears(1)), "t-prison-77").json()
                .get("reference").stringValue();
        act(decided, "t-prison-77", Map.of("transition", "WITHDRAW", "reason", "no", "witness", "Inspector Bondar"));
        String v1 = legion.parole.policy.PolicyV1.EXCLUDED_OFFENCES;
        Map<String, Object> stricter = Map.of("excludedOffences", v1 + ";185", "remainingTermYears", 3,
                "sources", Map.of("EXCLUDED_OFFENCE", "test correction"), "note", "185 excluded (test)");
        assertThat(http.postJsonAs("/api/v1/parole/policies", Http.json(stricter), "t-prison-77", PW).status())
                .isEqualTo(403);
        assertThat(http.postJsonAs("/api/v1/parole/policies", Http.json(Map.of("excludedOffences", "11x",
                "remainingTermYears", 3)), "t-admin", PW).status()).isEqualTo(422);
        try {
            Http.Response published = http.postJsonAs("/api/v1/parole/policies", Http.json(stricter), "t-admin", PW);
            assertThat(published.status()).isEqualTo(201);
            assertThat(published.body()).contains(open).doesNotContain(decided);
            Http.Response now = http.get("/api/v1/parole/cases/" + open, "t-prison-77", PW);
            assertThat(now.json().get("verdict").get("outcome").stringValue()).isEqualTo("NOT_ELIGIBLE");
            assertThat(now.json().get("verdict").get("rules").stringValue()).isEqualTo("EXCLUDED_OFFENCE(185:1)");
            assertThat(now.json().get("status").stringValue()).as("a verdict never moves the stage")
                    .isEqualTo("APPLIED");
            assertThat(act(open, "t-prison-77", "SCREEN").status()).isEqualTo(409);
        } finally {
            Map<String, Object> back = Map.of("excludedOffences", v1, "remainingTermYears", 3, "note", "v1 again");
            assertThat(http.postJsonAs("/api/v1/parole/policies", Http.json(back), "t-admin", PW).status())
                    .isEqualTo(201);
        }
        assertThat(http.get("/api/v1/parole/cases/" + open, "t-prison-77", PW).json().get("verdict").get("outcome")
                .stringValue()).isEqualTo("ELIGIBLE");
    }

    @Test
    void theHandOverBoardIsForEscortsPrisonOfficersAndHq() {
        assertThat(http.get("/api/v1/parole/hand-overs", "t-escort", PW).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/parole/hand-overs", "t-prison-77", PW).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/parole/hand-overs", "t-clerk", PW).status()).isEqualTo(403);
    }

    @Test
    void aStaleVersionIsAConflict() {
        Http.Response filed = file(filing("185:1", LocalDate.now().plusYears(1)), "t-prison-77");
        String ref = filed.json().get("reference").stringValue();
        assertThat(act(ref, "t-prison-77", Map.of("transition", "SCREEN", "expectedVersion", 0)).status())
                .isEqualTo(200);
        Http.Response stale = act(ref, "t-prison-77", Map.of("transition", "WITHDRAW", "expectedVersion", 0,
                "reason", "changed mind", "witness", "Inspector Bondar"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("refusal").stringValue()).isEqualTo("CONCURRENT_CHANGE");
        Http.Response withdrawn = act(ref, "t-prison-77", Map.of("transition", "WITHDRAW", "expectedVersion", 1,
                "reason", "changed mind", "witness", "Inspector Bondar"));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("withdrawal").get("witness").stringValue()).isEqualTo("Inspector Bondar");
    }
}
