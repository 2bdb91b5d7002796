package legion.parole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import legion.access.Officers;
import legion.support.Eventually;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Convicts screened against the watchlists through the screening module's published API, with the UN list extract
 * loaded: a listed name holds SCREEN until HQ clears the hit; an unlisted convict passes; only the facility's prison
 * officers and HQ see the screening.
 */
@LegionIntegrationTest
@TestPropertySource(properties = "legion.screening.lists=un=src/test/resources/screening/un-extract.xml")
class ConvictScreeningTest {

    static final String PW = "parole-screening-password";

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    JdbcClient jdbc;
    Http http;
    ParoleJourney j;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        j = new ParoleJourney(http, officers, "scr", PW);
    }

    private String file(String name, String dateOfBirth) {
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("fullName", name);
        filing.put("dateOfBirth", dateOfBirth);
        filing.put("prisonerNumber", "SC-1");
        filing.put("offences", "185:1");
        filing.put("sentenceEnd", LocalDate.now().plusYears(1).toString());
        filing.put("consent", Map.of("witness", "Inspector Melnyk"));
        Http.Response r = http.postJsonAs("/api/v1/parole/cases", Http.json(filing), j.name("prison"), PW);
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("reference").stringValue();
    }

    private Http.Response screen(String ref) {
        return j.act(ref, "prison", Map.of("transition", "SCREEN"));
    }

    @Test
    void aListedConvictIsHeldUntilHqClearsTheHit() throws InterruptedException {
        String ref = file("Eric Badege", "1971-03-04");
        assertThat(Eventually.equalTo("WATCHLIST_HIT", Duration.ofSeconds(20), () -> {
            Http.Response r = screen(ref);
            return r.status() == 409 ? r.json().get("hold").stringValue() : r.status() + "";
        })).isEqualTo("WATCHLIST_HIT");
        Http.Response held = screen(ref);
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.json().get("refusal").stringValue()).isEqualTo("WATCHLIST_HIT");

        Http.Response seen = http.get("/api/v1/parole/cases/" + ref, j.name("prison"), PW);
        assertThat(seen.json().get("screening").get("status").stringValue()).isEqualTo("SCREENED");
        var hit = seen.json().get("screening").get("hits").get(0);
        assertThat(hit.get("list").stringValue()).isEqualTo("un");
        assertThat(hit.get("matchedName").stringValue()).containsIgnoringCase("BADEGE");
        String hitId = hit.get("id").stringValue();
        assertThat(jdbc.sql("select stage from parole_case where reference = ?").param(ref).query(String.class)
                .single()).isEqualTo("APPLIED");

        String path = "/api/v1/parole/cases/" + ref + "/hits/" + hitId;
        assertThat(http.postJsonAs(path, "{\"decision\":\"CLEARED\"}", j.name("prison"), PW).status())
                .isEqualTo(403);
        Http.Response cleared = http.postJsonAs(path, "{\"decision\":\"CLEARED\"}", j.name("admin"), PW);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(http.postJsonAs(path, "{\"decision\":\"CLEARED\"}", j.name("admin"), PW).status())
                .isEqualTo(409);
        assertThat(screen(ref).status()).isEqualTo(200);
    }

    @Test
    void anUnlistedConvictPassesAndOnlyThePrisonAndHqSeeTheScreening() throws InterruptedException {
        String ref = file("Тарас Шевченко", "1984-03-09");
        Eventually.equalTo(200, Duration.ofSeconds(20), () -> screen(ref).status());
        Http.Response prison = http.get("/api/v1/parole/cases/" + ref, j.name("prison"), PW);
        assertThat(prison.json().get("screening").get("hits").size()).isZero();
        Http.Response medical = http.get("/api/v1/parole/cases/" + ref, j.name("medical"), PW);
        assertThat(medical.status()).isEqualTo(200);
        assertThat(medical.body()).doesNotContain("listVersions");
    }
}
