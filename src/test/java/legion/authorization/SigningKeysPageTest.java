package legion.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Administrators see the signing keys and add a signer certificate on a console page or over the API; the new signer
 * signs from then on, the old one keeps verifying, and the rotation is audited. Nobody else may rotate.
 */
@LegionIntegrationTest
class SigningKeysPageTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;
    @Autowired
    TravelAuthorizations authorizations;
    @Autowired
    JdbcClient jdbc;

    private IssuedAuthorization issue() {
        LocalDate today = LocalDate.now();
        return authorizations.issue(SealRequest.singleEntry("Dent", "Arthur", LocalDate.of(1952, 3, 11), 'M', "GB",
                "1234567XY", today, today.plusDays(30), 30));
    }

    private long audited(String actor) {
        return jdbc.sql("select count(*) from audit_log where action = 'SIGNER_ADDED' and actor = ?").param(actor)
                .query(Long.class).single();
    }

    @Test
    void anAdministratorAddsASignerOnThePageAndOldSealsKeepVerifying() {
        IssuedAuthorization before = issue();
        ConsoleSession admin = ConsoleSession.login(port, "admin", PW);
        long audits = audited("admin");

        var page = admin.get("/console/admin/keys");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-signer=\"" + before.signer() + "\"").contains("id=\"revocations\"");

        var added = admin.postWithToken("/console/admin/keys/signers", page, Map.of());
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.location()).endsWith("/console/admin/keys");

        IssuedAuthorization after = issue();
        assertThat(after.signer()).isNotEqualTo(before.signer());
        var shown = admin.get("/console/admin/keys").body();
        assertThat(shown).contains("data-signer=\"" + after.signer() + "\"", "data-signer=\"" + before.signer() + "\"")
                .contains(after.signer() + " added");
        assertThat(shown.indexOf(after.signer())).isLessThan(shown.indexOf("data-signer=\"" + before.signer()));
        assertThat(authorizations.verify(before.seal()).status()).isEqualTo(VerificationStatus.VALID);
        assertThat(authorizations.verify(after.seal()).status()).isEqualTo(VerificationStatus.VALID);
        assertThat(audited("admin")).isEqualTo(audits + 1);
        assertThat(admin.get("/console/admin").body()).contains("/console/admin/keys");
    }

    @Test
    void onlyAdministratorsSeeOrRotateTheKeys() {
        ConsoleSession vetting = ConsoleSession.login(port, "vetting1", PW);
        assertThat(vetting.get("/console/admin/keys").status()).isEqualTo(403);
        var form = vetting.get("/console/cases");
        assertThat(vetting.postWithToken("/console/admin/keys/signers", form, Map.of()).status()).isEqualTo(403);
        assertThat(ConsoleSession.anonymous(port).get("/console/admin/keys").location()).endsWith("/login");

        Http http = new Http(port);
        String signer = issue().signer();
        assertThat(http.postJsonAs("/api/v1/authorizations/certificates", "{}", "vetting1", PW).status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/authorizations/certificates", "{}").status()).isEqualTo(401);
        assertThat(issue().signer()).isEqualTo(signer); // nothing rotated
    }

    @Test
    void anAdministratorAddsASignerOverTheApi() throws Exception {
        Http http = new Http(port);
        long audits = audited("admin");

        var response = http.postJsonAs("/api/v1/authorizations/certificates", "{}", "admin", PW);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).startsWith("application/x-pem-file");
        var certificate = Pem.certificates(response.body()).get(0);
        assertThat(authorizations.signerCertificates().get(0)).isEqualTo(certificate);
        assertThat(http.get("/api/v1/authorizations/certificates", null, null).body()).contains(response.body().strip());
        assertThat(audited("admin")).isEqualTo(audits + 1);
    }
}
