package legion.border;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.authorization.IssuedAuthorizations;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Approving and authorizing a case issues a signed seal; border systems verify it; a guard's crossing is recorded
 * and a second use of a single-entry authorization is flagged; revocation makes the seal REVOKED.
 */
@LegionIntegrationTest
class TravelAuthorizationFlowTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;
    @Autowired
    IssuedAuthorizations issued;
    @Autowired
    Enlistments enlistments;

    String authorizedCase(Http http) {
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Олександр", "Шевченко", "GB")))
                .json().get("reference").stringValue();
        legion.support.Cases.authorize(http, ref, "embassy-gb");
        return ref;
    }

    byte[] seal(String ref) {
        var e = enlistments.findByReference(new Reference(ref)).orElseThrow();
        return issued.find(e.id().value()).orElseThrow().seal();
    }

    @Test
    void anAuthorizedCaseHasAVerifiableSealAndLetter() {
        Http http = new Http(port);
        String ref = authorizedCase(http);
        byte[] seal = seal(ref);
        assertThat(seal[0]).isEqualTo((byte) 0xDC);

        JsonNode report = http.postJson("/api/v1/authorizations/verify",
                Http.json(Map.of("hex", HexFormat.of().formatHex(seal)))).json();
        assertThat(report.get("status").stringValue()).isEqualTo("VALID");
        assertThat(report.get("fields").get("name").stringValue()).contains("SHEVCHENKO");
        assertThat(report.get("fields").get("numberOfEntries").intValue()).isEqualTo(1);

        seal[seal.length - 10] ^= 1;
        JsonNode tampered = http.postJson("/api/v1/authorizations/verify",
                Http.json(Map.of("hex", HexFormat.of().formatHex(seal)))).json();
        assertThat(tampered.get("status").stringValue()).isNotEqualTo("VALID");

        assertThat(http.get("/api/v1/authorizations/certificates", null, null).body()).contains("BEGIN CERTIFICATE");
        assertThat(http.get("/api/v1/authorizations/revocations", null, null).status()).isEqualTo(200);
        assertThat(http.postJson("/api/v1/authorizations/verify", "{\"hex\":\"zz\"}").status()).isEqualTo(400);

        var letter = ConsoleSession.login(port, "vetting1", PW).get("/console/cases/" + ref + "/authorization.pdf");
        assertThat(letter.status()).isEqualTo(200);
        assertThat(letter.body()).startsWith("%PDF");
        assertThat(ConsoleSession.login(port, "embassy-us", PW).get("/console/cases/" + ref + "/authorization.pdf")
                .status()).isEqualTo(404);
    }

    @Test
    void theBorderRecordsCrossingsAndFlagsASecondEntry() {
        Http http = new Http(port);
        String hex = HexFormat.of().formatHex(seal(authorizedCase(http)));
        ConsoleSession guard = ConsoleSession.login(port, "border1", PW);
        var page = guard.get("/console/border");
        assertThat(page.status()).isEqualTo(200);
        var first = guard.postWithToken("/console/border", page, Map.of("checkpoint", "Krakovets", "hex", hex));
        assertThat(first.body()).contains("id=\"verdict\">VALID").doesNotContain("id=\"flag\"")
                .contains("<dt>Authorization number</dt>").doesNotContain("<dt>authorizationNumber</dt>");
        var second = guard.postWithToken("/console/border", page, Map.of("checkpoint", "Shehyni", "hex", hex));
        assertThat(second.body()).contains("id=\"flag\"");
        var garbage = guard.postWithToken("/console/border", page, Map.of("checkpoint", "Shehyni", "hex", "not hex"));
        assertThat(garbage.body()).contains("No seal could be read");
        assertThat(ConsoleSession.login(port, "vetting1", PW).get("/console/border").status()).isEqualTo(403);
    }

    @Test
    void revocationMakesTheSealRevoked() {
        Http http = new Http(port);
        String ref = authorizedCase(http);
        String hex = HexFormat.of().formatHex(seal(ref));
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/transitions", "{\"transition\":\"REVOKE\",\"expectedVersion\":5}",
                "vetting1", PW).status()).isEqualTo(422);
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/transitions",
                "{\"transition\":\"REVOKE\",\"reason\":\"security grounds\",\"expectedVersion\":5}", "vetting1", PW).status()).isEqualTo(200);
        JsonNode report = http.postJson("/api/v1/authorizations/verify", Http.json(Map.of("hex", hex))).json();
        assertThat(report.get("status").stringValue()).isEqualTo("REVOKED");
        String number = report.get("fields").get("authorizationNumber").stringValue();
        assertThat(http.get("/api/v1/authorizations/revocations", null, null).body()).contains(number);

        // the guard's page says why in words, not with the status constant (which stays in data-status)
        ConsoleSession guard = ConsoleSession.login(port, "border1", PW);
        var page = guard.get("/console/border");
        String english = guard.postWithToken("/console/border", page, Map.of("checkpoint", "Krakovets", "hex", hex)).body();
        assertThat(english).contains("id=\"verdict\">NOT VALID: revoked<").contains("data-status=\"REVOKED\"")
                .contains("This authorization is on the revocation list.").doesNotContain("NOT VALID: REVOKED");
        var inUkrainian = guard.get("/console/border?lang=uk");
        assertThat(guard.postWithToken("/console/border", inUkrainian, Map.of("checkpoint", "Krakovets", "hex", hex)).body())
                .contains("id=\"verdict\">НЕДІЙСНИЙ: анульовано<").contains("Цей дозвіл є у списку анулювань.");
    }
}
