package legion.arms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.authorization.SealRequest;
import legion.authorization.TravelAuthorizations;
import legion.authorization.cli.VerifyCommand;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The holder's receipt of a real issue (REST) on the platform's verifiers: the verify endpoint, the {@code verify}
 * subcommand with the published certificates, the border page — make, serial, holder, document number, point and
 * date shown; one flipped byte refused by each; a Legion visa signed by the same PKI still verifies.
 */
@LegionIntegrationTest
class ArmsReceiptSealIT {

    private static final String PW = "demo-password";

    @LocalServerPort
    int port;

    @Autowired
    TravelAuthorizations authorizations;

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private Run verify(Path certs, String hex) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new VerifyCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute("--cert", certs.toString(), "--hex", hex);
        return new Run(exit, out.toString());
    }

    private static String flip(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        b[b.length / 2] ^= 0x01;                 // one byte in the message zone
        return HexFormat.of().formatHex(b);
    }

    @Test
    void theReceiptOfAnIssueVerifiesEverywhereAndOneFlippedByteFails() throws Exception {
        Http http = new Http(port);
        String serial = "ВД " + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(http.postJsonAs("/api/v1/arms/weapons", "{\"make\":\"АКМ\",\"serial\":\"" + serial + "\"}",
                "armory-kyiv", PW).status()).isEqualTo(201);
        String document = "МЕ" + (100000 + (int) (Math.random() * 899999));
        Http.Response issued = http.postJsonAs("/api/v1/arms/issues", """
                {"make": "АКМ", "serial": "%s", "rounds": 60, "magazines": 2,
                 "holder": {"surname": "Коваленко", "givenNames": "Олена", "dateOfBirth": "1990-07-14",
                            "documentNumber": "%s", "legalStatus": "CITIZEN"}}""".formatted(serial, document),
                "armory-kyiv", PW);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String hex = issued.json().get("seal").asText();
        String receiptNumber = issued.json().get("issueNumber").asText().replace("ARM-", "").replace("-", "");

        JsonNode report = http.postJson("/api/v1/authorizations/verify", Http.json(Map.of("hex", hex))).json();
        assertThat(report.get("status").asText()).isEqualTo("VALID");
        assertThat(report.get("documentType").asText()).isEqualTo("ARMS_WEAPON_RECEIPT");
        JsonNode f = report.get("fields");
        assertThat(f.get("make").asText()).isEqualTo("АКМ");
        assertThat(f.get("serial").asText()).isEqualTo(serial);
        assertThat(f.get("holder").asText()).isEqualTo("Олена Коваленко");
        assertThat(f.get("holderDocument").asText()).isEqualTo(document);
        assertThat(f.get("documentNumber").asText()).isEqualTo(receiptNumber);
        assertThat(f.get("point").asText()).isEqualTo("KYIV-POLICE-01");
        assertThat(f.get("issuedOn").asText()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(http.postJson("/api/v1/authorizations/verify", Http.json(Map.of("hex", flip(hex)))).json()
                .get("status").asText()).isNotEqualTo("VALID");

        Path certs = dir.resolve("legion.pem");
        Files.writeString(certs, http.get("/api/v1/authorizations/certificates", null, null).body());
        Run ok = verify(certs, hex);
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("ARMS_WEAPON_RECEIPT").contains("Make:").contains("Serial:")
                .contains(serial).contains("Олена Коваленко").contains(document).contains("KYIV-POLICE-01")
                .contains(receiptNumber).endsWith("VALID" + System.lineSeparator());
        Run bad = verify(certs, flip(hex));
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("INVALID");

        ConsoleSession guard = ConsoleSession.login(port, "border1", PW);
        var page = guard.get("/console/border");
        var checked = guard.postWithToken("/console/border", page, Map.of("checkpoint", "Kyiv", "hex", hex));
        assertThat(checked.body()).contains("id=\"verdict\">VALID").contains("ARMS_WEAPON_RECEIPT")
                .contains("<dt>Make</dt>").contains("<dt>Serial</dt>").contains("<dt>Holder</dt>")
                .contains("<dt>Issuing point</dt>").contains(serial).contains(document);

        // the Legion's visa, signed by the same PKI, is still a visa for the same subcommand
        var visa = authorizations.issue(new SealRequest("SMITH", "JOHN", LocalDate.of(1990, 1, 2), 'M', "GB",
                "P1234567", LocalDate.now(), LocalDate.now().plusMonths(6), 90, 1));
        Run legion = verify(certs, HexFormat.of().formatHex(visa.seal()));
        assertThat(legion.exit()).as(legion.out()).isZero();
        assertThat(legion.out()).contains("Document type:       VISA").contains("Passport number:     P1234567");
    }
}
