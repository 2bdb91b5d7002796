package legion.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.audit.cli.AuditVerifyCommand;
import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import picocli.CommandLine;

/**
 * The audit log is hash-chained: {@code audit-verify} passes on an intact log and catches a changed, removed or
 * reordered entry made directly in SQL (on H2 and on PostgreSQL).
 */
@LegionIntegrationTest
class AuditChainTest {

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

    record Run(int exit, String out) {
    }

    Run auditVerify() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new AuditVerifyCommand()).execute("--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user, "--spring.datasource.password=" + password);
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void detectsChangedRemovedAndReorderedEntries() {
        Http http = new Http(port);
        for (int i = 0; i < 5; i++) {
            http.postJson("/api/v1/enlistments", Http.json(Applications.valid()));
        }
        sealer.sealAll();
        Run intact = auditVerify();
        assertThat(intact.exit()).as(intact.out()).isZero();
        assertThat(intact.out()).startsWith("INTACT");
        long position = jdbc.sql("select max(chain_seq) from audit_log").query(Long.class).single() - 2;

        // changed
        String detail = jdbc.sql("select detail from audit_log where chain_seq = ?").param(position).query(String.class).single();
        jdbc.sql("update audit_log set detail = 'embassy=XX' where chain_seq = ?").param(position).update();
        Run changed = auditVerify();
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.out()).contains("TAMPERED").contains("position " + position);
        jdbc.sql("update audit_log set detail = ? where chain_seq = ?").params(detail, position).update();
        assertThat(auditVerify().exit()).isZero();

        // reordered: two entries swap their places in the chain
        jdbc.sql("update audit_log set chain_seq = -1 where chain_seq = ?").param(position).update();
        jdbc.sql("update audit_log set chain_seq = ? where chain_seq = ?").params(position, position + 1).update();
        jdbc.sql("update audit_log set chain_seq = ? where chain_seq = -1").param(position + 1).update();
        Run reordered = auditVerify();
        assertThat(reordered.exit()).isEqualTo(1);
        assertThat(reordered.out()).contains("TAMPERED");
        jdbc.sql("update audit_log set chain_seq = -1 where chain_seq = ?").param(position).update();
        jdbc.sql("update audit_log set chain_seq = ? where chain_seq = ?").params(position, position + 1).update();
        jdbc.sql("update audit_log set chain_seq = ? where chain_seq = -1").param(position + 1).update();
        assertThat(auditVerify().exit()).isZero();

        // removed at the end: the recorded head no longer matches (put back afterwards)
        long last = jdbc.sql("select max(chain_seq) from audit_log").query(Long.class).single();
        var row = jdbc.sql("select seq, at, actor, actor_role, action, subject, detail, chain_seq, prev_hash, hash "
                + "from audit_log where chain_seq = ?").param(last).query().listOfRows().get(0);
        jdbc.sql("delete from audit_log where chain_seq = ?").param(last).update();
        Run truncated = auditVerify();
        assertThat(truncated.exit()).isEqualTo(1);
        assertThat(truncated.out()).contains("TAMPERED");
        jdbc.sql("insert into audit_log (seq, at, actor, actor_role, action, subject, detail, chain_seq, prev_hash, hash) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(row.get("seq"), row.get("at"), row.get("actor"),
                row.get("actor_role"), row.get("action"), row.get("subject"), row.get("detail"), row.get("chain_seq"),
                row.get("prev_hash"), row.get("hash")).update();
        assertThat(auditVerify().exit()).isZero();

        // removed in the middle
        jdbc.sql("delete from audit_log where chain_seq = ?").param(position).update();
        Run removed = auditVerify();
        assertThat(removed.exit()).isEqualTo(1);
        assertThat(removed.out()).contains("missing at chain position " + position);
    }

    @Test
    void cannotCheckAMissingDatabase() {
        int exit = new CommandLine(new AuditVerifyCommand()).execute("--legion.data-dir=/nonexistent/legion");
        assertThat(exit).isEqualTo(2);
    }
}
