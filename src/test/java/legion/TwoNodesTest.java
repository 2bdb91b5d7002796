package legion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import legion.support.Applications;
import legion.support.Eventually;
import legion.support.Http;
import legion.support.TestDatabase;

/**
 * Two real Legion processes against one database (PostgreSQL in the PostgreSQL run; an H2 file opened by both in
 * the H2 run), configured as the README says nodes must be: same data keys, same keystore password. A seal issued on
 * one node verifies on the other, a revocation on either is seen by both, and a signer added on one signs on the other.
 */
@Tag("integration")
class TwoNodesTest {

    static final String PW = "demo-password";

    @TempDir
    Path dir;

    @Test
    void nodesShareThePkiAndTheRevocations() throws Exception {
        String url = TestDatabase.postgres() ? TestDatabase.postgresUrl()
                : "jdbc:h2:file:" + dir.resolve("shared/legion") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";
        int portA = freePort();
        Process a = start("a", portA, url);
        Process b = null;
        try {
            waitUntilServing(portA, a, "a");
            int portB = freePort();
            b = start("b", portB, url); // after a: the first node creates the PKI and the demo officers
            waitUntilServing(portB, b, "b");
            Http nodeA = new Http(portA);
            Http nodeB = new Http(portB);

            // issued on a, verified on b
            String first = authorizedCase(nodeA);
            String firstSeal = HexFormat.of().formatHex(seal(url, first));
            assertThat(status(nodeB, firstSeal)).isEqualTo("VALID");

            // revoked on b, seen on a (a looks for other nodes' lists once a second)
            assertThat(nodeB.postJsonAs("/api/v1/enlistments/" + first + "/transitions",
                    "{\"transition\":\"REVOKE\",\"reason\":\"security grounds\"}", "vetting1", PW).status())
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
            stop(a);
            stop(b);
        }
    }

    private static String status(Http node, String hex) {
        return node.postJson("/api/v1/authorizations/verify", Http.json(Map.of("hex", hex))).json().get("status")
                .stringValue();
    }

    private static String authorizedCase(Http node) {
        String ref = node.postJson("/api/v1/enlistments", Http.json(Applications.valid("Taras", "Two-Nodes", "GB")))
                .json().get("reference").stringValue();
        for (String[] step : new String[][] {{"embassy-gb", "START_REVIEW"}, {"embassy-gb", "INVITE_TO_INTERVIEW"},
                {"embassy-gb", "RECOMMEND"}, {"vetting1", "APPROVE"}, {"vetting1", "AUTHORIZE"}}) {
            var r = node.postJsonAs("/api/v1/enlistments/" + ref + "/transitions",
                    "{\"transition\":\"" + step[1] + "\",\"reason\":\"ok\"}", step[0], PW);
            assertThat(r.status()).as(step[1] + " " + r.body()).isEqualTo(200);
        }
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

    private Process start(String name, int port, String url) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), LegionApplication.class.getName(),
                "--server.port=" + port, "--legion.data-dir=" + data, "--spring.datasource.url=" + url,
                "--legion.demo.password=" + PW, "--legion.demo.totp-secret=" + TestDatabase.TOTP_SECRET,
                "--legion.access.totp-replay-protection=false",
                "--legion.screening.lists=un=src/test/resources/screening/un-extract.xml"));
        TestDatabase.PRIVACY_KEYS.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        if (TestDatabase.postgres()) {
            TestDatabase.properties(); // makes sure the schema exists and is clean for this run
            cmd.add("--spring.datasource.username=" + TestDatabase.postgresUser());
            cmd.add("--spring.datasource.password=" + TestDatabase.postgresPassword());
        }
        File log = data.resolve("node.log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    private void waitUntilServing(int port, Process app, String name) throws Exception {
        Http http = new Http(port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("node " + name + " exited during start-up: " + log(name));
            }
            try {
                if (http.get("/", null, null).status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet listening
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("node " + name + " did not start in time: " + log(name));
    }

    private String log(String name) throws Exception {
        String text = Files.readString(dir.resolve(name).resolve("node.log"));
        return text.substring(Math.max(0, text.length() - 4000));
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
