package legion.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.LegionIntegrationTest;

/**
 * The attacks of issue 11 on the audit log, made directly in SQL by someone who can write the database but holds
 * neither the audit MAC key nor a signing key: each is caught by the real {@code audit-verify} (exit 1), on H2 and on
 * PostgreSQL. The forged unsealed row is not sealed by the next sealer.
 */
@LegionIntegrationTest
class AuditTamperTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditSealer sealer;
    @Autowired
    AuditLog audit;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password}")
    String password;
    @Value("${legion.data-dir}")
    Path dataDir;
    @TempDir
    Path elsewhere;

    AuditCli cli;
    long last;

    /** A fresh log of a few sealed entries, its head signed, verifying intact. */
    @BeforeEach
    void freshSignedLog() {
        cli = new AuditCli(url, user, password);
        AuditLogs.backToGenesis(jdbc, sealer);
        AuditLogs.applications(port, 7);
        // signed now, or already by the node's own scheduled signer if it ran in between
        sealer.sealAndSign();
        last = jdbc.sql("select max(chain_seq) from audit_log").query(Long.class).single();
        assertThat(last).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.sql("select max(chain_seq) from audit_head_signature").query(Long.class).single())
                .isEqualTo(last);
        AuditCli.Run intact = cli.verify(dataDir);
        assertThat(intact.exit()).as(intact.out()).isZero();
        assertThat(intact.out()).startsWith("INTACT: " + last + " audit entries verified");
    }

    private AuditCli.Run assertTampered(String expected) {
        AuditCli.Run run = cli.verify(dataDir);
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).startsWith("TAMPERED").contains(expected);
        return run;
    }

    private Map<String, Object> row(long position) {
        return jdbc.sql("select * from audit_log where chain_seq = ?").param(position).query().singleRow();
    }

    @Test
    void changedRow() {
        jdbc.sql("update audit_log set detail = 'embassy=XX' where chain_seq = ?").param(last - 2).update();
        assertTampered("entry changed or not written by Legion at chain position " + (last - 2));
    }

    @Test
    void lastRowsDeleted() {
        jdbc.sql("delete from audit_log where chain_seq > ?").param(last - 3).update();
        assertTampered("entries were removed at the end");
    }

    @Test
    void rowsReordered() {
        long p = last - 3;
        jdbc.sql("update audit_log set chain_seq = -1 where chain_seq = ?").param(p).update();
        jdbc.sql("update audit_log set chain_seq = ? where chain_seq = ?").params(p, p + 1).update();
        jdbc.sql("update audit_log set chain_seq = ? where chain_seq = -1").param(p + 1).update();
        assertTampered("link broken at chain position " + p);
    }

    @Test
    void middleRowDeleted() {
        jdbc.sql("delete from audit_log where chain_seq = ?").param(last - 3).update();
        assertTampered("entry missing at chain position " + (last - 3));
    }

    /** The attack audit-verify said INTACT to: delete the tail, move the head back, and the signed heads too. */
    @Test
    void lastRowsDeletedAndHeadRolledBack() {
        long kept = last - 3;
        Map<String, Object> newLast = row(kept);
        jdbc.sql("delete from audit_log where chain_seq > ?").param(kept).update();
        jdbc.sql("delete from audit_head_signature where chain_seq > ?").param(kept).update();
        jdbc.sql("update audit_chain_head set chain_seq = ?, mac = ?, hash = ? where id = 1")
                .params(kept, newLast.get("mac"), newLast.get("mac")).update();
        // the node's own signed head, in its data directory, is out of the writer's reach
        assertTampered("the log ends at position " + kept + " but the checkpoint signed");
        // had the writer left the signed heads in the database, those alone would tell
        AuditCli.Run withoutNode = cli.verify(elsewhere);
        assertThat(withoutNode.exit()).as(withoutNode.out()).isZero(); // signed heads gone too: see AuditCheckpointTest
    }

    @Test
    void lastRowsDeletedAndHeadRolledBackLeavingTheSignedHeads() {
        long kept = last - 3;
        Map<String, Object> newLast = row(kept);
        jdbc.sql("delete from audit_log where chain_seq > ?").param(kept).update();
        jdbc.sql("update audit_chain_head set chain_seq = ?, mac = ?, hash = ? where id = 1")
                .params(kept, newLast.get("mac"), newLast.get("mac")).update();
        AuditCli.Run run = cli.verify(elsewhere);
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("but a head was signed at position " + last);
    }

    /** Entries sealed many to a statement: every one in order, on each database, and the log verifies. */
    @Test
    void manyEntriesAreSealedInOrderSeveralStatementsAtATime() {
        int n = 3 * AuditSealer.ROWS_PER_UPDATE + 17;
        for (int i = 0; i < n; i++) {
            audit.append("system", "SYSTEM", "TEST_ENTRY", "audit", "i=" + i);
        }
        sealer.sealAll();
        assertThat(jdbc.sql("select count(*) from audit_log where chain_seq is null").query(Long.class).single())
                .isZero();
        // the chain follows the order the entries were written in
        assertThat(jdbc.sql("select detail from audit_log where action = 'TEST_ENTRY' order by chain_seq")
                .query(String.class).list()).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, n).mapToObj(i -> "i=" + i).toList());
        AuditCli.Run run = cli.verify(dataDir);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("INTACT: " + (last + n) + " audit entries verified");
    }

    /** The forged row that was reported as "not yet sealed" and then sealed in by the next node. */
    @Test
    void unsealedForgedRowIsTamperingAndNeverSealed() {
        jdbc.sql("insert into audit_log (at, actor, actor_role, action, subject, detail, nonce, entry_mac) "
                        + "values (current_timestamp, 'vetting1', 'VETTING_OFFICER', 'TRANSITION_APPROVE', "
                        + "'LGN-AAAA-AAAA', 'VETTING->APPROVED', ?, ?)")
                .params("00112233445566778899aabbccddeeff", "ab".repeat(32)).update();
        long forged = jdbc.sql("select max(seq) from audit_log").query(Long.class).single();
        // (the test node's own sealer may already have refused it: then the refusal is on record in the chain)
        assertThat(assertTampered("TAMPERED").out()).containsAnyOf(
                "entries without a valid MAC (not written by Legion, never sealed): seq [" + forged + "]",
                "AUDIT_ENTRY_REFUSED seq=" + forged);

        sealer.sealAll(); // the next node's sealer
        Map<String, Object> row = jdbc.sql("select chain_seq, refused_at from audit_log where seq = ?").param(forged)
                .query().singleRow();
        assertThat(row.get("chain_seq")).isNull();
        assertThat(row.get("refused_at")).isNotNull();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'AUDIT_ENTRY_REFUSED' and detail = ? "
                + "and chain_seq is not null").param("seq=" + forged).query(Long.class).single()).isEqualTo(1);
        assertThat(assertTampered("TAMPERED").out()).contains("AUDIT_ENTRY_REFUSED seq=" + forged);

        // removing the forged row afterwards does not remove the evidence
        jdbc.sql("delete from audit_log where seq = ?").param(forged).update();
        assertTampered("tampering on record at chain position " + (last + 1) + ": AUDIT_ENTRY_REFUSED seq=" + forged);
    }

    /** A forged entry appended with a recomputed hash (SHA-256, as the old chain) and a head moved to it. */
    @Test
    void appendedRehashedRow() throws Exception {
        Map<String, Object> head = row(last);
        String fake = sha256("forged" + head.get("mac"));
        jdbc.sql("insert into audit_log (at, actor, actor_role, action, subject, detail, nonce, entry_mac, chain_seq, "
                        + "mac) values (current_timestamp, 'vetting1', 'VETTING_OFFICER', 'TRANSITION_APPROVE', "
                        + "'LGN-AAAA-AAAA', 'VETTING->APPROVED', ?, ?, ?, ?)")
                .params("ffeeddccbbaa99887766554433221100", sha256("entry"), last + 1, fake).update();
        jdbc.sql("update audit_chain_head set chain_seq = ?, mac = ?, hash = ? where id = 1")
                .params(last + 1, fake, fake).update();
        assertTampered("entry changed or not written by Legion at chain position " + (last + 1));
        sealer.sealAll(); // the sealer does not build on a head it cannot vouch for
        assertThat(jdbc.sql("select count(*) from audit_log where chain_seq > ?").param(last + 1).query(Long.class)
                .single()).isZero();
    }

    /** A middle row deleted and every later entry given new links, with a key that is not Legion's. */
    @Test
    void middleRowDeletedAndTailRehashed() {
        long gone = last - 3;
        AuditChain attackers = AuditChain.withKey("an attacker's own key, 32 bytes!".getBytes());
        Rewrite.deleteAndRelink(jdbc, attackers, gone, last);
        assertTampered("entry changed or not written by Legion at chain position " + gone);
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void cannotCheckWithoutDatabaseOrKey() {
        AuditCli.Run missing = new AuditCli("jdbc:h2:file:" + elsewhere.resolve("none") + ";IFEXISTS=TRUE", "sa", "")
                .verify(elsewhere);
        assertThat(missing.exit()).as(missing.out()).isEqualTo(2);
        assertThat(missing.out()).contains("cannot read the audit log");
        AuditCli.Run wrongKey = cli.verify(dataDir, "--legion.audit.mac-key="
                + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(wrongKey.exit()).as(wrongKey.out()).isEqualTo(2);
        assertThat(wrongKey.out()).contains("is not the one recorded for this log");
        assertThat(Files.exists(dataDir.resolve("audit/head.checkpoint"))).isTrue();
    }

    /** What someone writing the database does to re-link a tail; with Legion's key it would verify. */
    static final class Rewrite {
        static void deleteAndRelink(JdbcClient jdbc, AuditChain key, long gone, long last) {
            jdbc.sql("delete from audit_log where chain_seq = ?").param(gone).update();
            relink(jdbc, key, gone, gone + 1, last);
        }

        /** Gives the entries from position {@code from} to {@code last} new MACs, moved to start at {@code to}. */
        static void relink(JdbcClient jdbc, AuditChain key, long to, long from, long last) {
            String previous = to == 1 ? AuditChain.GENESIS
                    : (String) jdbc.sql("select mac from audit_log where chain_seq = ?").param(to - 1).query()
                    .singleRow().get("mac");
            long shift = from - to;
            for (long p = from; p <= last; p++) {
                Map<String, Object> r = jdbc.sql("select * from audit_log where chain_seq = ?").param(p).query()
                        .singleRow();
                long seq = ((Number) r.get("seq")).longValue();
                java.time.Instant at = jdbc.sql("select at from audit_log where seq = ?").param(seq)
                        .query(java.time.OffsetDateTime.class).single().toInstant();
                String entryMac = key.entryMac((String) r.get("nonce"), at, (String) r.get("actor"),
                        (String) r.get("actor_role"), (String) r.get("action"), (String) r.get("subject"),
                        (String) r.get("detail"));
                String link = key.link(previous, p - shift, seq, entryMac);
                jdbc.sql("update audit_log set chain_seq = ?, entry_mac = ?, mac = ? where seq = ?")
                        .params(p - shift, entryMac, link, seq).update();
                previous = link;
            }
            jdbc.sql("update audit_chain_head set chain_seq = ?, mac = ?, hash = ? where id = 1")
                    .params(last - shift, previous, previous).update();
        }
    }

}
