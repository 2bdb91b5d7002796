package legion.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The hash chain of the audit log (Spring-free, so {@code audit-verify} runs without the server). Each sealed entry
 * has a chain position, the hash of the entry before it and its own hash:
 * {@code hash = SHA-256(prev_hash, seq, at, actor, role, action, subject, detail)}, every field length-prefixed.
 * Changing, removing or reordering any sealed entry breaks the chain from that point on.
 */
public final class AuditChain {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String prevHash, long seq, Instant at, String actor, String actorRole, String action,
                              String subject, String detail) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {prevHash, Long.toString(seq),
                    Long.toString(at.getEpochSecond()) + "." + at.getNano() / 1000, actor, actorRole, action, subject,
                    detail}) {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) (part == null ? 0 : 1));
                sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome of a verification: intact, or the first break found, in words without personal data. */
    public record Verification(boolean intact, long sealed, long unsealed, String problem) {
    }

    /** Walks the whole chain in order and checks every link and the recorded head. */
    public static Verification verify(Connection c) throws SQLException {
        String prev = GENESIS;
        long expected = 1;
        try (PreparedStatement ps = c.prepareStatement("select seq, at, actor, actor_role, action, subject, detail, "
                + "chain_seq, prev_hash, hash from audit_log where chain_seq is not null order by chain_seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    long position = rs.getLong("chain_seq");
                    if (position != expected) {
                        return broken(expected - 1, c, "entry missing at chain position " + expected
                                + " (next present is " + position + ")");
                    }
                    if (!prev.equals(rs.getString("prev_hash"))) {
                        return broken(expected - 1, c, "link broken at chain position " + position + " (entry seq "
                                + seq + "): an entry before it was changed, removed or reordered");
                    }
                    Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    String recomputed = hash(prev, seq, at, rs.getString("actor"), rs.getString("actor_role"),
                            rs.getString("action"), rs.getString("subject"), rs.getString("detail"));
                    if (!recomputed.equals(rs.getString("hash"))) {
                        return broken(expected - 1, c, "entry changed at chain position " + position + " (entry seq "
                                + seq + ")");
                    }
                    prev = recomputed;
                    expected++;
                }
            }
        }
        long sealed = expected - 1;
        try (PreparedStatement ps = c.prepareStatement("select chain_seq, hash from audit_chain_head where id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Verification(false, sealed, unsealed(c), "the chain head record is missing");
            }
            if (rs.getLong(1) != sealed || !rs.getString(2).equals(prev)) {
                return new Verification(false, sealed, unsealed(c), "the chain ends at position " + sealed
                        + " but the recorded head is at " + rs.getLong(1) + ": entries were removed at the end");
            }
        }
        return new Verification(true, sealed, unsealed(c), null);
    }

    private static Verification broken(long goodUpTo, Connection c, String problem) throws SQLException {
        return new Verification(false, goodUpTo, unsealed(c), problem);
    }

    private static long unsealed(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from audit_log where chain_seq is null");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
