package legion.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Appends new audit entries to the keyed chain, in batches, every second. Entries are written unsealed (with their
 * entry MAC) by the transactions that cause them, so intake does not serialize on the chain; sealing takes the row
 * lock on {@code audit_chain_head}, so on several nodes the work is done once, in one order. An entry whose
 * transaction commits late is simply sealed in a later batch, at the end of the chain.
 *
 * <p>A row without a valid entry MAC was not written by Legion: it is never sealed. The sealer marks it
 * {@code refused_at}, logs it and records the refusal in the chain itself ({@value #REFUSED}), so that removing the
 * forged row afterwards does not remove the evidence. After sealing, {@link HeadSigning} signs the head regularly.
 */
@Component
public class AuditSealer implements SmartInitializingSingleton {

    static final String REFUSED = "AUDIT_ENTRY_REFUSED";
    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final int BATCH = 2000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final AuditChain chain;
    private final AuditLog audit;
    private final HeadSigning signing;
    private volatile Head lastSealed;

    AuditSealer(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, AuditChain chain, AuditLog audit,
                HeadSigning signing) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.chain = chain;
        this.audit = audit;
        this.signing = signing;
    }

    private record Unsealed(long seq, String nonce, Instant at, String actor, String actorRole, String action,
                            String subject, String detail, String entryMac) {
    }

    record Head(long position, String mac, String keyId) {
    }

    /** Refuses to start with a key other than the one the log is sealed with (nodes must share the key). */
    @Override
    public void afterSingletonsInstantiated() {
        String recorded = jdbc.sql("select mac_key_id from audit_chain_head where id = 1").query(String.class)
                .optional().orElse(null);
        if (recorded != null && !recorded.equals(chain.keyId())) {
            throw new IllegalStateException("the audit MAC key (key id " + chain.keyId() + ") is not the one this "
                    + "audit log is sealed with (" + recorded + "): every node must be given the same "
                    + "legion.audit.mac-key");
        }
    }

    private void afterCommit(Head sealed) {
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        lastSealed = sealed;
                    }
                });
    }

    @Scheduled(fixedDelayString = "${legion.audit.seal-interval-ms:1000}", initialDelay = 2000)
    @SchedulerLock(name = "audit-sealer", lockAtMostFor = "PT1M")
    void scheduled() {
        sealAll();
        signing.signIfDue(lastSealed);
    }

    /** Seals what is committed, then signs the head this node sealed (tests and operations; normally scheduled). */
    public Optional<SignedHead> sealAndSign() {
        sealAll();
        return signing.signNow(lastSealed);
    }

    /** Seals everything committed so far; returns how many entries were sealed (refused ones not counted). */
    public int sealAll() {
        int total = 0;
        int[] n;
        do {
            n = tx.execute(status -> sealBatch());
            total += n[0];
        } while (n[1] == BATCH || n[2] > 0); // a refusal is itself an entry to seal
        return total;
    }

    /** The head this node computed last (what {@link HeadSigning} may sign), or null. */
    Head lastSealed() {
        return lastSealed;
    }

    /**
     * True when the recorded head is the link of the entry at its position, computed again from the entry before
     * it: the sealer never extends, and the signer never signs, a head it cannot vouch for.
     */
    private boolean headHolds(Head head) {
        if (head.position() == 0) {
            return AuditChain.GENESIS.equals(head.mac());
        }
        record Link(long position, long seq, String nonce, Instant at, String actor, String actorRole, String action,
                    String subject, String detail, String entryMac, String mac) {
        }
        List<Link> links = jdbc.sql("select chain_seq, seq, nonce, at, actor, actor_role, action, subject, detail, "
                        + "entry_mac, mac from audit_log where chain_seq in (?, ?) order by chain_seq")
                .params(head.position() - 1, head.position())
                .query((rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
                .list();
        if (links.isEmpty() || links.get(links.size() - 1).position() != head.position()) {
            return false;
        }
        Link last = links.get(links.size() - 1);
        String previous = head.position() == 1 ? AuditChain.GENESIS
                : links.size() == 2 ? links.get(0).mac() : null;
        String entryMac = chain.entryMac(last.nonce(), last.at(), last.actor(), last.actorRole(), last.action(),
                last.subject(), last.detail());
        return previous != null && AuditChain.same(entryMac, last.entryMac())
                && AuditChain.same(chain.link(previous, last.position(), last.seq(), entryMac), head.mac())
                && AuditChain.same(head.mac(), last.mac());
    }

    /** Rows sealed per statement: one statement per row was a tenth of PostgreSQL's statements during a surge. */
    static final int ROWS_PER_UPDATE = 100;

    /**
     * Writes each entry's chain position and link, {@value #ROWS_PER_UPDATE} entries per statement ({@code case seq
     * when … then …}: plain SQL both databases run), never over a sealed one.
     */
    private void seal(List<Object[]> rows) {
        for (List<Object[]> part : legion.shared.Chunks.of(rows, ROWS_PER_UPDATE)) {
            StringBuilder positions = new StringBuilder("update audit_log set chain_seq = case seq");
            StringBuilder links = new StringBuilder(" end, mac = case seq");
            StringBuilder in = new StringBuilder(" end where chain_seq is null and seq in (");
            List<Object> args = new ArrayList<>(part.size() * 5);
            List<Object> linkArgs = new ArrayList<>(part.size() * 2);
            List<Object> seqs = new ArrayList<>(part.size());
            for (int i = 0; i < part.size(); i++) {
                Object[] r = part.get(i); // {position, link, seq}
                positions.append(" when ? then ?");
                links.append(" when ? then ?");
                in.append(i == 0 ? "?" : ", ?");
                args.add(r[2]);
                args.add(r[0]);
                linkArgs.add(r[2]);
                linkArgs.add(r[1]);
                seqs.add(r[2]);
            }
            args.addAll(linkArgs);
            args.addAll(seqs);
            int n = template.update(positions.append(links).append(in).append(')').toString(), args.toArray());
            if (n != part.size()) {
                throw new IllegalStateException("sealed " + n + " of " + part.size() + " audit entries: another "
                        + "sealer ran without the head's lock");
            }
        }
    }

    /** One batch under the head's lock: {sealed, rows read, refused}. */
    private int[] sealBatch() {
        Head head = jdbc.sql("select chain_seq, mac, mac_key_id from audit_chain_head where id = 1 for update")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
        if (head.mac() == null) {
            int resealed = new LegacyChain(jdbc, template, chain, audit).reseal(head.position());
            afterCommit(jdbc.sql("select chain_seq, mac, mac_key_id from audit_chain_head where id = 1")
                    .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3))).single());
            return new int[] {resealed, 0, 1};
        }
        if (!chain.keyId().equals(head.keyId())) {
            throw new IllegalStateException("not sealing: the audit log is sealed with another MAC key");
        }
        if (!headHolds(head)) {
            log.error("The audit chain's recorded head (position {}) is not the link of its entry: not sealing "
                    + "(tampering; run audit-verify)", head.position());
            return new int[] {0, 0, 0};
        }
        List<Unsealed> batch = jdbc.sql("select seq, nonce, at, actor, actor_role, action, subject, detail, "
                        + "entry_mac from audit_log where chain_seq is null and refused_at is null order by seq limit "
                        + BATCH)
                .query((rs, i) -> new Unsealed(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
        if (batch.isEmpty()) {
            return new int[] {0, 0, 0};
        }
        long position = head.position();
        String prev = head.mac();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> refused = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Unsealed u : batch) {
            String entryMac = chain.entryMac(u.nonce(), u.at(), u.actor(), u.actorRole(), u.action(), u.subject(),
                    u.detail());
            if (!AuditChain.same(entryMac, u.entryMac())) {
                refused.add(new Object[] {now, u.seq()});
                continue;
            }
            position++;
            String link = chain.link(prev, position, u.seq(), entryMac);
            rows.add(new Object[] {position, link, u.seq()});
            prev = link;
        }
        seal(rows);
        if (!refused.isEmpty()) {
            template.batchUpdate("update audit_log set refused_at = ? where seq = ?", refused);
            for (Object[] r : refused) {
                log.error("Audit entry seq {} has no valid MAC: it was not written by Legion and is not sealed "
                        + "(tampering; recorded as {})", r[1], REFUSED);
                audit.append("system", "SYSTEM", REFUSED, "audit", "seq=" + r[1]);
            }
        }
        jdbc.sql("update audit_chain_head set chain_seq = ?, mac = ?, hash = ?, sealed_at = ? where id = 1")
                .params(position, prev, prev, now).update();
        Head sealed = new Head(position, prev, chain.keyId());
        afterCommit(sealed);
        return new int[] {rows.size(), batch.size(), refused.size()};
    }
}
