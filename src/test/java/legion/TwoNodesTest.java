package legion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import legion.support.Applications;
import legion.support.Eventually;
import legion.support.Http;
import legion.support.LegionProcess;
import legion.support.TestDatabase;

/**
 * Two real Legion processes against one database (PostgreSQL in the PostgreSQL run; an H2 file opened by both in
 * the H2 run), configured as the README says nodes must be: same data keys, same keystore password. A seal issued on
 * one node verifies on the other, a revocation on either is seen by both, and a signer added on one signs on the other.
 * <p>Several nodes share one database only on PostgreSQL (the embedded H2 is for a single node), so this runs in the
 * PostgreSQL run only.
 */
@Tag("integration")
@EnabledIfSystemProperty(named = "legion.test.db", matches = "postgres")
class TwoNodesTest {

    static final String PW = "demo-password";

    @TempDir
    Path dir;

    @Test
    void nodesShareThePkiAndTheRevocations() throws Exception {
        String url = TestDatabase.postgres() ? TestDatabase.postgresUrl()
                : "jdbc:h2:file:" + dir.resolve("shared/legion") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";
        LegionProcess a = start("a", url);
        LegionProcess b = null;
        try {
            a.awaitServing(Duration.ofSeconds(120));
            b = start("b", url); // after a: the first node creates the PKI and the demo officers
            b.awaitServing(Duration.ofSeconds(120));
            Http nodeA = a.http();
            Http nodeB = b.http();

            // issued on a, verified on b
            String first = authorizedCase(nodeA);
            String firstSeal = HexFormat.of().formatHex(seal(url, first));
            assertThat(status(nodeB, firstSeal)).isEqualTo("VALID");

            // revoked on b, seen on a (a looks for other nodes' lists once a second)
            assertThat(nodeB.postJsonAs("/api/v1/enlistments/" + first + "/transitions",
                    "{\"transition\":\"REVOKE\",\"reason\":\"security grounds\",\"expectedVersion\":5}", "vetting1", PW).status())
                    .isEqualTo(200);
            assertThat(status(nodeB, firstSeal)).isEqualTo("REVOKED");
            assertThat(Eventually.equalTo("REVOKED", Duration.ofSeconds(5), () -> status(nodeA, firstSeal)))
                    .isEqualTo("REVOKED");

            // a signer added on b signs on a
            var added = nodeB.postJsonAs("/api/v1/authorizations/certificates", "{}", "admin", PW);
            assertThat(added.status()).isEqualTo(201);
            String reference = legion.authorization.Pem.certificates(added.body()).get(0).getSerialNumber()
                    .toString(16).toUpperCase();
            assertThat(Eventually.equalTo(true, Duration.ofSeconds(5),
                    () -> nodeA.get("/api/v1/authorizations/certificates/keys", null, null).body().contains(reference)))
                    .isTrue();
            String second = authorizedCase(nodeA);
            String secondSeal = HexFormat.of().formatHex(seal(url, second));
            var report = nodeB.postJson("/api/v1/authorizations/verify", Http.json(Map.of("hex", secondSeal))).json();
            assertThat(report.get("status").stringValue()).isEqualTo("VALID");
            assertThat(report.toString()).contains(reference);
        } finally {
            a.stop();
            if (b != null) {
                b.stop();
            }
        }
    }

    private static String status(Http node, String hex) {
        return node.postJson("/api/v1/authorizations/verify", Http.json(Map.of("hex", hex))).json().get("status")
                .stringValue();
    }

    private static String authorizedCase(Http node) {
        String ref = node.postJson("/api/v1/enlistments", Http.json(Applications.valid("Taras", "Two-Nodes", "GB")))
                .json().get("reference").stringValue();
        legion.support.Cases.authorize(node, ref, "embassy-gb");
        return ref;
    }

    /** The stored seal of a case, read from the shared database as a third client. */
    private static byte[] seal(String url, String reference) throws Exception {
        try (Connection c = TestDatabase.postgres()
                ? DriverManager.getConnection(url, TestDatabase.postgresUser(), TestDatabase.postgresPassword())
                : DriverManager.getConnection(url, "sa", "");
             PreparedStatement s = c.prepareStatement("select t.seal from authorization_travel t "
                     + "join enlistment e on e.id = t.enlistment_id where e.reference = ?")) {
            s.setString(1, reference);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a seal for " + reference).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private LegionProcess start(String name, String url) throws Exception {
        return LegionProcess.start(dir.resolve(name), LegionProcess.freePort(), "384m", LegionProcess.demoOfficersAnd(
                "--spring.datasource.url=" + url,
                "--legion.screening.lists=un=src/test/resources/screening/un-extract.xml"));
    }
}
