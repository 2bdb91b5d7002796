package legion.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.TestDatabase;

/**
 * {@code audit-checkpoint --output FILE} and {@code audit-verify --checkpoint FILE}: a checkpoint kept away from the
 * database catches what nothing in the database can, a rolled-back head with the signed heads deleted too, and a
 * tail re-linked by someone holding the audit MAC key; bad input is exit 2 with a clear message.
 */
@LegionIntegrationTest
class AuditCheckpointTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditSealer sealer;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password}")
    String password;
    @Value("${legion.data-dir}")
    Path dataDir;
    @TempDir
    Path kept;
    @TempDir
    Path noNode;

    AuditCli cli;
    long last;
    Path checkpoint;

    @BeforeEach
    void checkpointOfAFreshLog() {
        cli = new AuditCli(url, user, password);
        AuditLogs.backToGenesis(jdbc, sealer);
        AuditLogs.applications(port, 7);
        sealer.sealAll();
        last = jdbc.sql("select max(chain_seq) from audit_log").query(Long.class).single();
        checkpoint = kept.resolve("audit.checkpoint");
        AuditCli.Run written = cli.checkpoint(noNode, "--output=" + checkpoint);
        assertThat(written.exit()).as(written.out()).isZero();
        assertThat(written.out()).startsWith("CHECKPOINT: position " + last + ", link ");
        assertThat(checkpoint).exists();
    }

    private void assertHeld() {
        AuditCli.Run run = cli.verify(noNode, "--checkpoint=" + checkpoint);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("the checkpoint is held");
    }

    private void assertCaughtOnlyByTheCheckpoint(String expected) {
        AuditCli.Run without = cli.verify(noNode);
        assertThat(without.exit()).as("undetectable inside the database: " + without.out()).isZero();
        AuditCli.Run with = cli.verify(noNode, "--checkpoint=" + checkpoint);
        assertThat(with.exit()).as(with.out()).isEqualTo(1);
        assertThat(with.out()).startsWith("TAMPERED").contains(expected);
    }

    @Test
    void intactLogHoldsItsCheckpointAsItGrows() {
        assertHeld();
        new Http(port).postJson("/api/v1/enlistments", Http.json(Applications.valid()));
        sealer.sealAndSign();
        assertHeld();
        AuditCli.Run again = cli.checkpoint(noNode, "--output=" + checkpoint);
        assertThat(again.out()).startsWith("CHECKPOINT: position " + (last + 1));
        assertHeld();
    }

    @Test
    void rolledBackHeadWithTheSignedHeadsDeleted() {
        long keptUpTo = last - 3;
        Object mac = jdbc.sql("select mac from audit_log where chain_seq = ?").param(keptUpTo).query().singleValue();
        jdbc.sql("delete from audit_log where chain_seq > ?").param(keptUpTo).update();
        jdbc.sql("delete from audit_head_signature").update();
        jdbc.sql("update audit_chain_head set chain_seq = ?, mac = ?, hash = ? where id = 1")
                .params(keptUpTo, mac, mac).update();
        assertCaughtOnlyByTheCheckpoint("the log ends at position " + keptUpTo + " but the checkpoint signed");
    }

    @Test
    void tailRelinkedByTheMacKeyHolder() {
        AuditChain legion = AuditKeys.configured(TestDatabase.AUDIT_MAC_KEY).orElseThrow();
        long changed = last - 3;
        jdbc.sql("update audit_log set detail = 'embassy=XX' where chain_seq = ?").param(changed).update();
        AuditTamperTest.Rewrite.relink(jdbc, legion, changed, changed, last);
        jdbc.sql("delete from audit_head_signature").update();
        assertCaughtOnlyByTheCheckpoint("the log no longer holds the checkpoint at position " + last);
    }

    @Test
    void middleRowDeletedAndTailRelinkedByTheMacKeyHolder() {
        AuditChain legion = AuditKeys.configured(TestDatabase.AUDIT_MAC_KEY).orElseThrow();
        AuditTamperTest.Rewrite.deleteAndRelink(jdbc, legion, last - 3, last);
        jdbc.sql("delete from audit_head_signature").update();
        assertCaughtOnlyByTheCheckpoint("the log ends at position " + (last - 1) + " but the checkpoint signed");
    }

    @Test
    void tamperedLogGetsNoCheckpoint() throws Exception {
        Files.delete(checkpoint);
        jdbc.sql("update audit_log set detail = 'embassy=XX' where chain_seq = ?").param(last - 1).update();
        AuditCli.Run run = cli.checkpoint(noNode, "--output=" + checkpoint);
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).startsWith("TAMPERED").contains("no checkpoint written");
        assertThat(checkpoint).doesNotExist();
    }

    @Test
    void badInputCannotBeChecked() throws Exception {
        AuditCli.Run missing = cli.verify(noNode, "--checkpoint=" + kept.resolve("nothing-here"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).contains("does not exist");

        Path garbage = Files.writeString(kept.resolve("garbage"), "not a checkpoint\n\u0000\u0001");
        AuditCli.Run unreadable = cli.verify(noNode, "--checkpoint=" + garbage);
        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.out()).contains("is unreadable: not a checkpoint file");

        Path moved = kept.resolve("moved");
        Files.writeString(moved, Files.readString(checkpoint).replace("position=" + last, "position=" + (last - 1)));
        AuditCli.Run forged = cli.verify(noNode, "--checkpoint=" + moved);
        assertThat(forged.exit()).isEqualTo(2);
        assertThat(forged.out()).contains("has no valid signature");

        AuditCli.Run noDatabase = new AuditCli("jdbc:postgresql://127.0.0.1:1/none", "x", "x")
                .verify(noNode, "--checkpoint=" + checkpoint);
        assertThat(noDatabase.exit()).isEqualTo(2);
        assertThat(noDatabase.out()).contains("cannot read the audit log");

        assertThat(cli.checkpoint(noNode).exit()).isEqualTo(2); // --output is required
        AuditCli.Run noDirectory = cli.checkpoint(noNode, "--output=" + kept.resolve("no/such/dir/file"));
        assertThat(noDirectory.exit()).isEqualTo(2);
        assertThat(noDirectory.out()).contains("does not exist");

        AuditCli.Run badKey = cli.verify(noNode, "--legion.audit.mac-key=" + Base64.getEncoder().encodeToString(new byte[8]));
        assertThat(badKey.exit()).isEqualTo(2);
        assertThat(badKey.out()).contains("at least 32 bytes");

        AuditCli.Run wrongPassword = cli.checkpoint(noNode, "--output=" + kept.resolve("x"),
                "--legion.authorization.keystore-password=wrong");
        assertThat(wrongPassword.exit()).as(wrongPassword.out()).isEqualTo(2);
        assertThat(wrongPassword.out()).contains("cannot open the signing key");
    }
}
