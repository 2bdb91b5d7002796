package legion.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

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
 * Two real Legion nodes sealing and signing one audit log (PostgreSQL in the PostgreSQL run, an H2 file opened by
 * both in the H2 run), one of them restarted: the log verifies intact with each node's data directory and with a
 * checkpoint taken between.
 * <p>Several nodes share one database only on PostgreSQL (the embedded H2 is for a single node), so this runs in the
 * PostgreSQL run only, on a database of its own.
 */
@Tag("integration")
@EnabledIfSystemProperty(named = "legion.test.db", matches = "postgres")
class AuditNodesTest {

    @TempDir
    Path dir;

    @Test
    void intactAfterTwoNodesSealedAndARestart() throws Exception {
        // its own database: the cached test applications of this JVM seal the shared test database's log too, and a
        // tamper test there may leave it not to be sealed (the nodes then rightly refuse to extend it)
        String url = TestDatabase.postgres() ? TestDatabase.ownPostgresDatabase("auditnodes")
                : "jdbc:h2:file:" + dir.resolve("shared/legion") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";
        String user = TestDatabase.postgres() ? TestDatabase.postgresUser() : "sa";
        String password = TestDatabase.postgres() ? TestDatabase.postgresPassword() : "";
        AuditCli cli = new AuditCli(url, user, password);
        LegionProcess a = start("a", url).awaitServing(Duration.ofSeconds(120));
        LegionProcess b = null;
        try {
            b = start("b", url).awaitServing(Duration.ofSeconds(120));
            apply(a.http(), b.http(), 6);
            awaitSealedAndSigned(url, user, password);
            for (String node : List.of("a", "b")) {
                AuditCli.Run run = cli.verify(dir.resolve(node));
                assertThat(run.exit()).as(node + ": " + run.out()).isZero();
                assertThat(run.out()).startsWith("INTACT");
            }
            assertThat(Files.exists(dir.resolve("a/audit/head.checkpoint"))
                    || Files.exists(dir.resolve("b/audit/head.checkpoint"))).isTrue();
            Path checkpoint = dir.resolve("kept.checkpoint");
            AuditCli.Run written = cli.checkpoint(dir.resolve("a"), "--output=" + checkpoint);
            assertThat(written.exit()).as(written.out()).isZero();

            b.stop();
            b = start("b", url).awaitServing(Duration.ofSeconds(120));
            apply(a.http(), b.http(), 4);
            awaitSealedAndSigned(url, user, password);
            for (String node : List.of("a", "b")) {
                AuditCli.Run run = cli.verify(dir.resolve(node), "--checkpoint=" + checkpoint);
                assertThat(run.exit()).as(node + " after the restart: " + run.out()).isZero();
                assertThat(run.out()).contains("the checkpoint is held");
            }
        } finally {
            a.stop();
            if (b != null) {
                b.stop();
            }
        }
    }

    private static void apply(Http a, Http b, int n) {
        for (int i = 0; i < n; i++) {
            assertThat((i % 2 == 0 ? a : b).postJson("/api/v1/enlistments", Http.json(Applications.valid())).status())
                    .isEqualTo(201);
        }
    }

    /** Every entry sealed, and the head signed by one of the nodes. */
    private static void awaitSealedAndSigned(String url, String user, String password) throws Exception {
        assertThat(Eventually.equalTo(true, Duration.ofSeconds(30), () -> {
            try (Connection c = DriverManager.getConnection(url, user, password);
                 ResultSet rs = c.createStatement().executeQuery("select (select count(*) from audit_log where "
                         + "chain_seq is null), (select chain_seq from audit_chain_head), "
                         + "(select max(chain_seq) from audit_head_signature)")) {
                rs.next();
                return rs.getLong(1) == 0 && rs.getLong(2) > 0 && rs.getLong(2) == rs.getLong(3);
            } catch (Exception e) {
                return false;
            }
        })).as("all sealed and the head signed").isTrue();
    }

    private LegionProcess start(String name, String url) throws Exception {
        return LegionProcess.start(dir.resolve(name), LegionProcess.freePort(), "384m",
                List.of("--spring.datasource.url=" + url, "--legion.audit.sign-interval=PT1S",
                        "--legion.demo.password=demo-password", "--legion.rate-limit.per-client-per-minute=100000",
                        "--legion.rate-limit.per-client-burst=10000"));
    }
}
