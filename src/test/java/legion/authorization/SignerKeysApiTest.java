package legion.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/authorizations/certificates/keys}: the published signer keys as a browser's WebCrypto takes them. */
@LegionIntegrationTest
class SignerKeysApiTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;
    @Autowired
    IssuedAuthorizations issued;
    @Autowired
    Enlistments enlistments;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSignerKeysForBrowsersMatchThePublishedCertificates() throws Exception {
        Http http = new Http(port);
        var response = http.get("/api/v1/authorizations/certificates/keys", null, null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode keys = response.json();
        assertThat(keys.size()).isGreaterThanOrEqualTo(1);
        var certificates = Pem.certificates(http.get("/api/v1/authorizations/certificates", null, null).body());
        for (JsonNode key : keys) {
            X509Certificate certificate = certificates.stream()
                    .filter(c -> c.getSerialNumber().toString(16).equalsIgnoreCase(
                            key.get("certificateReference").stringValue().replaceFirst("^0+(?=.)", "")))
                    .findFirst().orElseThrow();
            byte[] spki = Base64.getDecoder().decode(key.get("spki").stringValue());
            assertThat(spki).isEqualTo(certificate.getPublicKey().getEncoded());
            assertThat(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki))).isNotNull();
            assertThat(key.get("signerIdentifier").stringValue()).matches("[A-Z0-9]{4}");
            assertThat(key.get("namedCurve").stringValue()).isEqualTo("P-256");
            assertThat(key.get("hash").stringValue()).isEqualTo("SHA-256");
            assertThat(key.get("notBefore").stringValue()).isEqualTo(certificate.getNotBefore().toInstant().toString());
            assertThat(key.get("notAfter").stringValue()).isEqualTo(certificate.getNotAfter().toInstant().toString());
        }

        // The seal of a new authorization names one of these keys; the root is not among them.
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Arthur", "Dent", "GB")))
                .json().get("reference").stringValue();
        legion.support.Cases.authorize(http, ref, "embassy-gb");
        var enlistment = enlistments.findByReference(new Reference(ref)).orElseThrow();
        String hex = HexFormat.of().formatHex(issued.find(enlistment.id().value()).orElseThrow().seal());
        String signer = http.postJson("/api/v1/authorizations/verify", Http.json(Map.of("hex", hex))).json()
                .get("signer").stringValue();
        boolean named = false;
        for (JsonNode key : keys) {
            named |= signer.equals(key.get("signerIdentifier").stringValue()
                    + key.get("certificateReference").stringValue());
        }
        assertThat(named).as(signer).isTrue();
        assertThat(keys.size()).isEqualTo(certificates.size() - 1);
    }
}
