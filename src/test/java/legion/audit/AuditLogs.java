package legion.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Applications;
import legion.support.Http;

/** The audit log of a test database, emptied back to its genesis and filled again through the real intake. */
final class AuditLogs {

    private AuditLogs() {
    }

    /** Seals what is pending, then empties the log, its signed heads and its head; the next entry is the first. */
    static void backToGenesis(JdbcClient jdbc, AuditSealer sealer) {
        sealer.sealAll();
        jdbc.sql("delete from audit_head_signature").update();
        jdbc.sql("delete from audit_log").update();
        jdbc.sql("update audit_chain_head set chain_seq = 0, mac = ?, hash = ? where id = 1")
                .params(AuditChain.GENESIS, AuditChain.GENESIS).update();
    }

    /** Submits {@code count} applications (each writes audit entries) on the node at {@code port}. */
    static void applications(int port, int count) {
        Http http = new Http(port);
        for (int i = 0; i < count; i++) {
            assertThat(http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).status()).isEqualTo(201);
        }
    }
}
