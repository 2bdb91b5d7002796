package legion.border;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.authorization.SealDocumentTypes;
import legion.authorization.Seals;
import legion.authorization.TestReceipts;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A program's own seal (the tests' weapon-issue receipt) on the same verify endpoint and border page as the visa:
 * its document type and its fields, in its order.
 */
@LegionIntegrationTest
class ProgramSealOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    Seals seals;
    @Autowired
    JdbcClient jdbc;

    private String receipt() {
        return seals.issue(SealDocumentTypes.named("TEST_WEAPON_RECEIPT").orElseThrow(),
                TestReceipts.sample("R00000007")).hex();
    }

    @Test
    void theVerifyEndpointNamesTheTypeAndGivesItsFields() {
        String hex = receipt();
        JsonNode report = new Http(port).postJson("/api/v1/authorizations/verify", Http.json(Map.of("hex", hex))).json();
        assertThat(report.get("status").stringValue()).isEqualTo("VALID");
        assertThat(report.get("documentType").stringValue()).isEqualTo("TEST_WEAPON_RECEIPT");
        assertThat(report.get("fields").get("serial").stringValue()).isEqualTo("ВД 7914");
        assertThat(report.get("fields").get("point").stringValue()).isEqualTo("KYIV-POLICE-01");
        assertThat(List.copyOf(report.get("fields").propertyNames()).subList(3, 10)).containsExactly("documentNumber",
                "make", "serial", "holder", "holderDocument", "point", "issuedOn");
        String flipped = hex.substring(0, hex.length() - 2) + (hex.endsWith("00") ? "01" : "00");
        assertThat(new Http(port).postJson("/api/v1/authorizations/verify", Http.json(Map.of("hex", flipped))).json()
                .get("status").stringValue()).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void theBorderPageShowsTheTypeAndItsFields() {
        ConsoleSession guard = ConsoleSession.login(port, "border1", "demo-password");
        var page = guard.get("/console/border");
        var checked = guard.postWithToken("/console/border", page, Map.of("checkpoint", "Kyiv", "hex", receipt()));
        assertThat(checked.body()).contains("id=\"verdict\">VALID").contains("TEST_WEAPON_RECEIPT")
                .contains("KYIV-POLICE-01").contains("FX1234567");
    }

    @Test
    void aPhotoOverTheLimitIsToldAndNoCrossingIsRecorded() {
        long crossings = jdbc.sql("select count(*) from border_crossing").query(Long.class).single();
        ConsoleSession guard = ConsoleSession.login(port, "border1", "demo-password");
        var page = guard.get("/console/border");
        byte[] photo = new byte[12 * 1024 * 1024]; // over the 10 MB limit, and no image at all
        var checked = guard.postMultipart("/console/border", page, Map.of("checkpoint", "Kyiv", "hex", receipt()),
                "image", "photo.png", "image/png", photo);
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.body()).contains("The photo is over 10 MB and was not read").doesNotContain("id=\"verdict\"");
        assertThat(jdbc.sql("select count(*) from border_crossing").query(Long.class).single()).isEqualTo(crossings);
    }
}
