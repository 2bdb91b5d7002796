package legion.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import legion.support.TestDatabase;

/**
 * A log written by the version before the keyed chain (plain SHA-256, as that version computed it, written here
 * from its description in ADR 0004) is re-sealed by the first sealer run: a genuine one verifies intact, with the
 * re-sealing and the old head hash on record; one changed before the upgrade is reported as tampering from then on.
 */
class LegacyChainTest {

    @TempDir
    java.nio.file.Path dir;

    String url;
    DriverManagerDataSource ds;
    JdbcClient jdbc;
    AuditSealer sealer;

    @BeforeEach
    void oldVersionsDatabase() {
        url = "jdbc:h2:mem:legacy-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("15").load()
                .migrate();
        ds = new DriverManagerDataSource(url, "sa", "");
        jdbc = JdbcClient.create(ds);
        String prev = "0".repeat(64);
        Instant t = Instant.parse("2026-11-30T10:00:00.123456Z");
        for (int i = 1; i <= 4; i++) {
            Instant at = t.plusSeconds(i);
            jdbc.sql("insert into audit_log (at, actor, actor_role, action, subject, detail) values (?, ?, ?, ?, "
                            + "?, ?)")
                    .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), "volunteer", "VOLUNTEER",
                            "ENLISTMENT_SUBMITTED", "LGN-0000-000" + i, "embassy=GB").update();
            if (i <= 3) { // the old sealer had sealed three of them when it stopped
                String hash = oldHash(prev, i, at, "volunteer", "VOLUNTEER", "ENLISTMENT_SUBMITTED",
                        "LGN-0000-000" + i, "embassy=GB");
                jdbc.sql("update audit_log set chain_seq = ?, prev_hash = ?, hash = ? where seq = ?")
                        .params(i, prev, hash, i).update();
                jdbc.sql("update audit_chain_head set chain_seq = ?, hash = ? where id = 1").params(i, hash).update();
                prev = hash;
            }
        }
    }

    private void upgrade() {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        JdbcTemplate template = new JdbcTemplate(ds);
        AuditChain chain = AuditKeys.configured(TestDatabase.AUDIT_MAC_KEY).orElseThrow();
        var beans = new DefaultListableBeanFactory();
        AuditLog log = new AuditLog(jdbc, chain, beans.getBeanProvider(Clock.class), legion.shared.Writes.immediate(ds));
        HeadSigning signing = new HeadSigning(jdbc, beans.getBeanProvider(AuditHeadSigner.class),
                beans.getBeanProvider(Clock.class), java.time.Duration.ofMinutes(1), dir.toString());
        sealer = new AuditSealer(jdbc, template, new TransactionTemplate(new DataSourceTransactionManager(ds)), chain,
                log, signing);
        sealer.afterSingletonsInstantiated();
        sealer.sealAll();
    }

    @Test
    void genuineOldLogIsResealedAndVerifies() {
        String oldHead = jdbc.sql("select hash from audit_chain_head").query(String.class).single();
        upgrade();
        AuditCli.Run run = new AuditCli(url, "sa", "").verify(dir);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("INTACT: 5 audit entries verified");
        assertThat(jdbc.sql("select detail from audit_log where action = 'AUDIT_CHAIN_RESEALED' and chain_seq = 5")
                .query(String.class).single())
                .isEqualTo("old SHA-256 chain intact: 3 old entries up to head " + oldHead
                        + "; 1 unsealed old entries adopted (seq 4..4)");
        // old entries keep their place; the adopted one follows them
        assertThat(jdbc.sql("select seq from audit_log order by chain_seq").query(Long.class).list())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        sealer.sealAll();
        assertThat(new AuditCli(url, "sa", "").verify(dir).exit()).isZero();
    }

    @Test
    void oldLogChangedBeforeTheUpgradeStaysTampered() {
        jdbc.sql("update audit_log set detail = 'embassy=XX' where seq = 2").update();
        upgrade();
        AuditCli.Run run = new AuditCli(url, "sa", "").verify(dir);
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("tampering on record at chain position 5: AUDIT_LEGACY_CHAIN_BROKEN "
                + "old entry changed at chain position 2");
    }

    /** The old chain: SHA-256 over the previous hash and the fields, each with a presence byte and its length. */
    private static String oldHash(String prev, long seq, Instant at, String... fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String[] parts = new String[3 + fields.length];
            parts[0] = prev;
            parts[1] = Long.toString(seq);
            parts[2] = at.getEpochSecond() + "." + at.getNano() / 1000;
            System.arraycopy(fields, 0, parts, 3, fields.length);
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) 1);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
