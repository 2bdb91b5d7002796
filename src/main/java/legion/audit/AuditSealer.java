package legion.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Appends new audit entries to the hash chain, in batches, every second. Entries are written without a hash by the
 * transactions that cause them (so intake does not serialize on the chain); sealing takes the row lock on
 * {@code audit_chain_head}, so on several nodes the work is done once, in one order. An entry whose transaction
 * commits late is simply sealed in a later batch, at the end of the chain.
 */
@Component
public class AuditSealer {

    private static final int BATCH = 2000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    AuditSealer(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
    }

    private record Unsealed(long seq, Instant at, String actor, String actorRole, String action, String subject,
                            String detail) {
    }

    @Scheduled(fixedDelayString = "${legion.audit.seal-interval-ms:1000}", initialDelay = 2000)
    @SchedulerLock(name = "audit-sealer", lockAtMostFor = "PT1M")
    void scheduled() {
        sealAll();
    }

    /** Seals everything committed so far; returns how many entries were sealed. */
    public int sealAll() {
        int total = 0;
        int n;
        do {
            n = tx.execute(status -> sealBatch());
            total += n;
        } while (n == BATCH);
        return total;
    }

    private int sealBatch() {
        record Head(long position, String hash) {
        }
        Head head = jdbc.sql("select chain_seq, hash from audit_chain_head where id = 1 for update")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
        List<Unsealed> batch = jdbc.sql("select seq, at, actor, actor_role, action, subject, detail from audit_log "
                        + "where chain_seq is null order by seq limit " + BATCH)
                .query((rs, i) -> new Unsealed(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        long position = head.position();
        String prev = head.hash();
        Object[][] rows = new Object[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            Unsealed u = batch.get(i);
            String hash = AuditChain.hash(prev, u.seq(), u.at(), u.actor(), u.actorRole(), u.action(), u.subject(),
                    u.detail());
            position++;
            rows[i] = new Object[] {position, prev, hash, u.seq()};
            prev = hash;
        }
        template.batchUpdate("update audit_log set chain_seq = ?, prev_hash = ?, hash = ? where seq = ? "
                + "and chain_seq is null", java.util.Arrays.asList(rows));
        jdbc.sql("update audit_chain_head set chain_seq = ?, hash = ?, sealed_at = ? where id = 1")
                .params(position, prev, OffsetDateTime.now(ZoneOffset.UTC)).update();
        return batch.size();
    }
}
