package legion.parole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import legion.access.Officers;
import legion.support.Eventually;
import legion.support.Http;
import legion.support.KeepsListVersions;
import legion.support.LegionIntegrationTest;

/**
 * A watchlist change screens open parole cases again, through the screening module's recurrent vetting (the same
 * queue and workers as the Legion's cases): a new UN version listing the convict of a case already past SCREEN
 * records an OPEN hit on it and holds PETITION until HQ clears it; an ended case is not screened again.
 */
@LegionIntegrationTest
@ExtendWith(KeepsListVersions.class)
@TestPropertySource(properties = {"legion.screening.lists=un=target/rescreen-parole/un.xml",
        "legion.screening.reload-interval-ms=300", "legion.screening.interval-ms=300"})
class ConvictRescreeningTest {

    static final Path LIST = Path.of("target/rescreen-parole/un.xml");
    static final String V1 = "2026-02-27T00:00:09.554Z";
    static final String V2 = "2026-03-07T00:00:00.000Z";
    static final String PW = "parole-rescreen-password";

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void listVersionOne(DynamicPropertyRegistry registry) throws Exception {
        install("un-v1.xml");
    }

    static void install(String version) throws Exception {
        Files.createDirectories(LIST.getParent());
        Path tmp = LIST.resolveSibling("un.xml.tmp");
        Files.copy(Path.of("src/test/resources/screening/rescreen", version), tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, LIST, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String versions(String ref) {
        return jdbc.sql("select s.list_versions from parole_screening s join parole_case c on c.id = s.case_id "
                + "where c.reference = ?").param(ref).query(String.class).optional().orElse("");
    }

    private String file(Http http, ParoleJourney j) {
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("fullName", "Mykyta Horbatiuk");
        filing.put("dateOfBirth", "1979-05-14");
        filing.put("prisonerNumber", "RS-15");
        filing.put("offences", "185:1");
        filing.put("sentenceEnd", LocalDate.now().plusYears(1).toString());
        filing.put("consent", Map.of("witness", "Inspector Melnyk"));
        Http.Response r = http.postJsonAs("/api/v1/parole/cases", Http.json(filing), j.name("prison"), PW);
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("reference").stringValue();
    }

    @Test
    void aNewListVersionFlagsAnOpenCaseAndHoldsThePetition() throws Exception {
        Http http = new Http(port);
        ParoleJourney j = new ParoleJourney(http, officers, "rsc", PW);
        String open = file(http, j);
        String ended = file(http, j);
        // both screened against version 1 (nothing found); one taken on to ACCEPTED, the other withdrawn
        assertThat(Eventually.equalTo(200, Duration.ofSeconds(30),
                () -> j.act(open, "prison", Map.of("transition", "SCREEN")).status())).isEqualTo(200);
        assertThat(j.act(open, "medical", Map.of("transition", "FIND_FIT")).status()).isEqualTo(200);
        assertThat(j.act(open, "commander", Map.of("transition", "ACCEPT", "reason", "accepted", "unit", j.unit)).status())
                .isEqualTo(200);
        assertThat(j.act(ended, "prison", Map.of("transition", "WITHDRAW", "witness", "Inspector Melnyk", "reason", "changed his mind"))
                .status()).isEqualTo(200);
        assertThat(versions(open)).contains(V1);
        assertThat(versions(ended)).contains(V1);
        assertThat(http.get("/api/v1/parole/cases/" + open, j.name("prison"), PW).json().get("screening")
                .get("hits").size()).isZero();

        install("un-v2-parole.xml");
        assertThat(Eventually.equalTo(true, Duration.ofSeconds(60), () -> versions(open).contains(V2))).isTrue();
        var screening = http.get("/api/v1/parole/cases/" + open, j.name("prison"), PW).json().get("screening");
        assertThat(screening.get("hits").size()).isEqualTo(1);
        var hit = screening.get("hits").get(0);
        assertThat(hit.get("listId").stringValue()).isEqualTo("9900015");
        assertThat(hit.get("status").stringValue()).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PAROLE_WATCHLIST_HIT' and subject = ?")
                .param(open).query(Long.class).single()).isEqualTo(1L);
        assertThat(versions(ended)).as("an ended case is not screened again").contains(V1).doesNotContain(V2);

        Http.Response held = j.act(open, "prison", Map.of("transition", "PETITION"));
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.json().get("hold").stringValue()).isEqualTo("WATCHLIST_HIT");
        assertThat(jdbc.sql("select stage from parole_case where reference = ?").param(open).query(String.class)
                .single()).isEqualTo("ACCEPTED");

        String path = "/api/v1/parole/cases/" + open + "/hits/" + hit.get("id").stringValue();
        assertThat(http.postJsonAs(path, "{\"decision\":\"CLEARED\"}", j.name("admin"), PW).status()).isEqualTo(200);
        assertThat(j.act(open, "prison", Map.of("transition", "PETITION")).status()).isEqualTo(200);
    }
}
