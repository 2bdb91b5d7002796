package legion.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Re-seals, once, a log sealed by an earlier version with the plain SHA-256 chain
 * ({@code hash = SHA-256(prev_hash, seq, at, actor, role, action, subject, detail)}), under the sealer's lock
 * (ADR 0070).
 *
 * <p>A genuine old log is a SHA-256 chain intact from position 1 to the recorded head, plus at most the few entries
 * the old version wrote in its last second (unsealed, without a MAC). Anyone able to write the database could have
 * forged such a log undetectably, so the re-sealing vouches for no more than the old chain could: it checks the old
 * chain, gives every old entry its MAC and link in the old order, adopts the old unsealed rows after them (the only
 * time rows without a MAC are sealed), and records what it found in the chain: {@value #RESEALED} with the old head
 * hash (compare it with one copied out earlier), or {@value #BROKEN} naming the first break, which
 * {@code audit-verify} reports as tampering from then on.
 */
final class LegacyChain {

    static final String RESEALED = "AUDIT_CHAIN_RESEALED";
    static final String BROKEN = "AUDIT_LEGACY_CHAIN_BROKEN";
    private static final Logger log = LoggerFactory.getLogger(LegacyChain.class);
    private static final String LEGACY_GENESIS = "0".repeat(64);
    private static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditChain chain;
    private final AuditLog audit;

    LegacyChain(JdbcClient jdbc, JdbcTemplate template, AuditChain chain, AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.chain = chain;
        this.audit = audit;
    }

    private record Row(long seq, Instant at, String actor, String actorRole, String action, String subject,
                       String detail, Long position, String prevHash, String hash) {
    }

    /** Re-seals the old entries in the caller's transaction (which holds the head's lock); returns how many. */
    int reseal(long oldHeadPosition) {
        String oldHead = jdbc.sql("select hash from audit_chain_head where id = 1").query(String.class).single();
        String problem = null;
        String expectedPrev = LEGACY_GENESIS;
        String link = AuditChain.GENESIS;
        long position = 0;
        long after = -1;
        List<Row> page;
        do {
            page = jdbc.sql("select seq, at, actor, actor_role, action, subject, detail, chain_seq, prev_hash, hash "
                    + "from audit_log where chain_seq is not null and chain_seq > ? order by chain_seq limit " + PAGE)
                    .param(after).query(LegacyChain::row).list();
            List<Object[]> updates = new ArrayList<>();
            for (Row r : page) {
                if (problem == null) {
                    if (r.position() != position + 1) {
                        problem = "entry missing at old chain position " + (position + 1);
                    } else if (!expectedPrev.equals(r.prevHash())) {
                        problem = "old link broken at chain position " + r.position();
                    } else if (!hash(r.prevHash(), r).equals(r.hash())) {
                        problem = "old entry changed at chain position " + r.position();
                    }
                }
                expectedPrev = r.hash();
                position++;
                String entryMac = chain.entryMac(null, r.at(), r.actor(), r.actorRole(), r.action(), r.subject(),
                        r.detail());
                link = chain.link(link, position, r.seq(), entryMac);
                updates.add(new Object[] {position, entryMac, link, r.seq()});
                after = r.position();
            }
            template.batchUpdate("update audit_log set chain_seq = ?, entry_mac = ?, mac = ? where seq = ?", updates);
        } while (page.size() == PAGE);
        if (problem == null && (position != oldHeadPosition || !expectedPrev.equals(oldHead))) {
            problem = "the old chain ends at position " + position + " but its head was at " + oldHeadPosition;
        }
        long sealedOld = position;
        List<Row> unsealed = jdbc.sql("select seq, at, actor, actor_role, action, subject, detail, chain_seq, "
                + "prev_hash, hash from audit_log where chain_seq is null and entry_mac is null order by seq")
                .query(LegacyChain::row).list();
        List<Object[]> adopted = new ArrayList<>();
        for (Row r : unsealed) {
            position++;
            String entryMac = chain.entryMac(null, r.at(), r.actor(), r.actorRole(), r.action(), r.subject(),
                    r.detail());
            link = chain.link(link, position, r.seq(), entryMac);
            adopted.add(new Object[] {position, entryMac, link, r.seq()});
        }
        template.batchUpdate("update audit_log set chain_seq = ?, entry_mac = ?, mac = ? where seq = ?", adopted);
        jdbc.sql("update audit_chain_head set chain_seq = ?, mac = ?, hash = ?, mac_key_id = ?, sealed_at = ? "
                + "where id = 1").params(position, link, link, chain.keyId(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        if (position == 0) {
            return 0;
        }
        String found = sealedOld + " old entries up to head " + oldHead
                + (unsealed.isEmpty() ? "" : "; " + unsealed.size() + " unsealed old entries adopted (seq "
                + unsealed.get(0).seq() + ".." + unsealed.get(unsealed.size() - 1).seq() + ")");
        if (problem == null) {
            log.info("Audit log re-sealed with the MAC key: {}", found);
            audit.append("system", "SYSTEM", RESEALED, "audit", "old SHA-256 chain intact: " + found);
        } else {
            log.error("Audit log re-sealed, but the old chain was broken: {} ({})", problem, found);
            audit.append("system", "SYSTEM", BROKEN, "audit", problem + "; " + found);
        }
        return (int) position;
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Long position = rs.getObject(8) == null ? null : rs.getLong(8);
        return new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), position,
                rs.getString(9), rs.getString(10));
    }

    /** The old chain's hash (kept only to check old logs). */
    static String hash(String prevHash, Row r) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Instant at = r.at();
            for (String part : new String[] {prevHash, Long.toString(r.seq()),
                    at.getEpochSecond() + "." + at.getNano() / 1000, r.actor(), r.actorRole(), r.action(),
                    r.subject(), r.detail()}) {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) (part == null ? 0 : 1));
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
