package legion.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The advisories API, the advisory in the 201 of intake, and its acknowledgement stored with its version. */
@LegionIntegrationTest
class AdvisoriesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void latviaIsPermittedByTheVoteOfItsParliamentWithTheDatedSource() {
        var r = http.get("/api/v1/advisories/LV", null, null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.get("country").stringValue()).isEqualTo("LV");
        assertThat(a.get("status").stringValue()).isEqualTo("PERMITTED");
        assertThat(a.get("onFile").booleanValue()).isTrue();
        assertThat(a.get("version").intValue()).isEqualTo(1);
        assertThat(a.get("summary").stringValue()).contains("28 February 2022").contains("unanimously");
        assertThat(a.get("sources").get(0).get("date").stringValue()).isEqualTo("2022-02-28");
    }

    @Test
    void theShippedPositionsOfDenmarkCanadaAndTheUsAreUnclear() {
        for (String country : List.of("DK", "CA", "US")) {
            JsonNode a = http.get("/api/v1/advisories/" + country, null, null).json();
            assertThat(a.get("status").stringValue()).as(country).isEqualTo("UNCLEAR");
            assertThat(a.get("sources")).as(country).isNotEmpty();
            assertThat(a.get("summary").stringValue()).as(country).contains("lawyer");
        }
        assertThat(http.get("/api/v1/advisories/DK", null, null).json().get("summary").stringValue())
                .contains("nothing at first sight").contains("not a legal ruling");
    }

    @Test
    void aCountryWithoutInformationSaysSoAndAdvisesALawyer() {
        JsonNode a = http.get("/api/v1/advisories/FR", null, null).json();
        assertThat(a.get("onFile").booleanValue()).isFalse();
        assertThat(a.get("version").intValue()).isZero();
        assertThat(a.get("status").stringValue()).isEqualTo("UNCLEAR");
        assertThat(a.get("summary").stringValue()).contains("no information on file").contains("Consult a lawyer");
        assertThat(a.get("sources")).isEmpty();
    }

    @Test
    void anUnknownCountryIs404AndAMalformedCode400AsProblems() {
        var unknown = http.get("/api/v1/advisories/ZZ", null, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        for (String bad : List.of("lv", "L1", "LVA", "%20")) {
            var r = http.get("/api/v1/advisories/" + bad, null, null);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(bad).startsWith("application/problem+json");
        }
    }

    @Test
    void intakeAnswersWithTheAdvisoryAndStoresTheAcknowledgedVersion() {
        var r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("John", "Smith", "US")));
        assertThat(r.status()).isEqualTo(201);
        JsonNode legal = r.json().get("legalAdvisory");
        assertThat(legal.get("country").stringValue()).isEqualTo("US");
        assertThat(legal.get("status").stringValue()).isEqualTo("UNCLEAR");
        assertThat(legal.get("version").intValue()).isEqualTo(1);
        assertThat(legal.get("summary").stringValue()).contains("advised its citizens not to travel");
        String reference = r.json().get("reference").stringValue();
        var stored = jdbc.sql("select a.country, a.advisory_version from advisory_acknowledgement a "
                        + "join enlistment e on e.id = a.enlistment_id where e.reference = ?")
                .param(reference).query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2)).single();
        assertThat(stored).isEqualTo("US/1");
    }

    @Test
    void anAdministratorsEditIsANewVersionAndLaterApplicationsAcknowledgeIt() {
        Map<String, Object> edit = Map.of("status", "RESTRICTED",
                "summary", "Test summary written by an administrator.",
                "sources", List.of(Map.of("description", "A test source", "date", "2026-11")));
        assertThat(http.putJsonAs("/api/v1/advisories/IS", Http.json(edit), null, null).status()).isEqualTo(401);
        assertThat(http.putJsonAs("/api/v1/advisories/IS", Http.json(edit), "vetting1", "demo-password").status())
                .isEqualTo(403);
        var first = http.putJsonAs("/api/v1/advisories/IS", Http.json(edit), "admin", "demo-password");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("version").intValue()).isEqualTo(1);
        var second = http.putJsonAs("/api/v1/advisories/IS", Http.json(Map.of("status", "PROHIBITED",
                "summary", "Second test summary.", "sources", List.of(Map.of("description", "Another source",
                        "date", "2026-11-27")))), "admin", "demo-password");
        assertThat(second.json().get("version").intValue()).isEqualTo(2);
        JsonNode history = http.get("/api/v1/advisories/IS/versions", null, null).json();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("summary").stringValue()).isEqualTo("Test summary written by an administrator.");
        assertThat(history.get(1).get("status").stringValue()).isEqualTo("RESTRICTED");

        var r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Jon", "Jonsson", "IS")));
        assertThat(r.json().get("legalAdvisory").get("version").intValue()).isEqualTo(2);
        assertThat(r.json().get("legalAdvisory").get("status").stringValue()).isEqualTo("PROHIBITED");
    }

    @Test
    void anEditWithoutSourcesOrWithABadDateIsRefused() {
        var noSource = http.putJsonAs("/api/v1/advisories/MT", Http.json(Map.of("status", "UNCLEAR",
                "summary", "x", "sources", List.of())), "admin", "demo-password");
        assertThat(noSource.status()).isEqualTo(400);
        var badDate = http.putJsonAs("/api/v1/advisories/MT", Http.json(Map.of("status", "UNCLEAR",
                "summary", "x", "sources", List.of(Map.of("description", "d", "date", "last week")))),
                "admin", "demo-password");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/advisories/MT", null, null).json().get("version").intValue()).isZero();
    }
}
