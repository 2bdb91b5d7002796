package legion.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks the audit log in one pass over the database, streaming (Spring-free, for {@code audit-verify}): every
 * sealed entry's MAC and link in chain order, the recorded head, the heads signed by the sealers (each must still be
 * held by the log; the newest must carry a valid signature), the trusted heads given from outside the database
 * (checkpoint files, the node's own data directory), and the entries not yet sealed (each must carry a valid MAC).
 * Problems are named in words without personal data.
 */
public final class AuditVerification {

    /** Entries a sealer writes when it finds tampering; their presence in the chain is tampering on record. */
    static final Set<String> EVIDENCE = Set.of(AuditSealer.REFUSED, LegacyChain.BROKEN);

    public enum Outcome { INTACT, TAMPERED, CANNOT_CHECK }

    /**
     * @param sealed   entries verified in the chain (up to the first problem)
     * @param unsealed newer entries with a valid MAC, not yet sealed
     * @param head     the verified head (position and link), for a checkpoint
     */
    public record Result(Outcome outcome, long sealed, long unsealed, String headMac, String problem) {
        public boolean intact() {
            return outcome == Outcome.INTACT;
        }
    }

    private final AuditChain chain;
    private final List<SignedHead> trusted;
    private String problem;

    private AuditVerification(AuditChain chain, List<SignedHead> trusted) {
        this.chain = chain;
        this.trusted = trusted.stream().filter(h -> h.position() > 0).sorted(Comparator.comparingLong(SignedHead::position)).toList();
    }

    /**
     * Verifies the log under {@code chain}'s key; {@code trusted} are heads from outside the database (their
     * signatures already checked by the caller) that the log must still hold.
     */
    public static Result verify(Connection c, AuditChain chain, List<SignedHead> trusted) throws SQLException {
        return new AuditVerification(chain, trusted).run(c);
    }

    private void tampered(String what) {
        if (problem == null) {
            problem = what;
        }
    }

    private Result run(Connection c) throws SQLException {
        long headPosition;
        String headMac;
        String headKey;
        try (PreparedStatement ps = c.prepareStatement(
                "select chain_seq, mac, mac_key_id from audit_chain_head where id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Result(Outcome.TAMPERED, 0, 0, null, "the chain head record is missing");
            }
            headPosition = rs.getLong(1);
            headMac = rs.getString(2);
            headKey = rs.getString(3);
        }
        if (headMac == null) {
            return new Result(Outcome.CANNOT_CHECK, 0, 0, null, "the log has not been re-sealed with the audit MAC "
                    + "key yet (start this version of Legion once)");
        }
        if (!chain.keyId().equals(headKey)) {
            return new Result(Outcome.CANNOT_CHECK, 0, 0, null, "the audit MAC key given (key id " + chain.keyId()
                    + ") is not the one recorded for this log (" + headKey + "): give the log's key");
        }
        long sealed = 0;
        String previous = AuditChain.GENESIS;
        Iterator<SignedHead> outside = trusted.iterator();
        SignedHead nextTrusted = outside.hasNext() ? outside.next() : null;
        SignedHead newestSigned = null;
        try (PreparedStatement entries = c.prepareStatement("select seq, at, actor, actor_role, action, subject, "
                + "detail, chain_seq, nonce, entry_mac, mac from audit_log where chain_seq is not null "
                + "order by chain_seq");
             PreparedStatement heads = c.prepareStatement("select chain_seq, mac, signed_at, key_id, algorithm, "
                     + "signature, certificate from audit_head_signature order by chain_seq, id")) {
            entries.setFetchSize(1000);
            heads.setFetchSize(1000);
            try (ResultSet rs = entries.executeQuery(); ResultSet hs = heads.executeQuery()) {
                Head signed = Head.next(hs);
                while (rs.next() && problem == null) {
                    long seq = rs.getLong("seq");
                    long position = rs.getLong("chain_seq");
                    if (position != sealed + 1) {
                        tampered("entry missing at chain position " + (sealed + 1) + " (next present is " + position
                                + ")");
                        break;
                    }
                    String action = rs.getString("action");
                    String entryMac = chain.entryMac(rs.getString("nonce"),
                            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                            rs.getString("actor_role"), action, rs.getString("subject"), rs.getString("detail"));
                    if (!AuditChain.same(entryMac, rs.getString("entry_mac"))) {
                        tampered("entry changed or not written by Legion at chain position " + position
                                + " (entry seq " + seq + "): its MAC does not match");
                        break;
                    }
                    String link = chain.link(previous, position, seq, entryMac);
                    if (!AuditChain.same(link, rs.getString("mac"))) {
                        tampered("link broken at chain position " + position + " (entry seq " + seq
                                + "): an entry before it was changed, removed or reordered");
                        break;
                    }
                    if (EVIDENCE.contains(action)) {
                        tampered("tampering on record at chain position " + position + ": " + action + " "
                                + rs.getString("detail"));
                    }
                    while (signed != null && signed.position == position) {
                        if (!AuditChain.same(link, signed.mac)) {
                            tampered("the head signed at " + signed.signedAt + " for position " + position
                                    + " does not match the log: the log was rewritten from there");
                        }
                        newestSigned = signed.full;
                        signed = Head.next(hs);
                    }
                    while (nextTrusted != null && nextTrusted.position() == position) {
                        if (!AuditChain.same(link, nextTrusted.mac())) {
                            tampered("the log no longer holds the checkpoint at position " + position + " (signed "
                                    + nextTrusted.signedAt() + "): it was rewritten from there");
                        }
                        nextTrusted = outside.hasNext() ? outside.next() : null;
                    }
                    previous = link;
                    sealed++;
                }
                if (problem == null && signed != null && signed.position <= 0) {
                    tampered("a signed head names position " + signed.position);
                }
                if (problem == null && signed != null) {
                    tampered("the log ends at position " + sealed + " but a head was signed at position "
                            + signed.position + " (" + signed.signedAt + "): entries were removed at the end");
                }
            }
        }
        if (problem == null && nextTrusted != null) {
            tampered("the log ends at position " + sealed + " but the checkpoint signed " + nextTrusted.signedAt()
                    + " is at position " + nextTrusted.position() + ": entries were removed at the end");
        }
        if (problem == null && (headPosition != sealed || !AuditChain.same(previous, headMac))) {
            tampered("the chain ends at position " + sealed + " but the recorded head is at " + headPosition
                    + ": entries were removed at the end");
        }
        if (problem == null && newestSigned != null && !newestSigned.signatureValid()) {
            tampered("the newest signed head (position " + newestSigned.position() + ") has no valid signature");
        }
        long unsealed = unsealed(c);
        return new Result(problem == null ? Outcome.INTACT : Outcome.TAMPERED, sealed, unsealed, previous, problem);
    }

    /** Counts the valid unsealed entries; one without a valid MAC, or refused by a sealer, is tampering. */
    private long unsealed(Connection c) throws SQLException {
        long count = 0;
        List<Long> forged = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select seq, at, actor, actor_role, action, subject, detail, "
                + "nonce, entry_mac, refused_at from audit_log where chain_seq is null order by seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    boolean valid = rs.getObject("refused_at") == null && AuditChain.same(
                            chain.entryMac(rs.getString("nonce"), at, rs.getString("actor"),
                                    rs.getString("actor_role"), rs.getString("action"), rs.getString("subject"),
                                    rs.getString("detail")), rs.getString("entry_mac"));
                    if (valid) {
                        count++;
                    } else if (forged.size() < 10) {
                        forged.add(rs.getLong("seq"));
                    }
                }
            }
        }
        if (!forged.isEmpty()) {
            tampered("entries without a valid MAC (not written by Legion, never sealed): seq " + forged);
        }
        return count;
    }

    private record Head(long position, String mac, Instant signedAt, SignedHead full) {
        static Head next(ResultSet hs) throws SQLException {
            if (!hs.next()) {
                return null;
            }
            SignedHead full;
            try {
                full = new SignedHead(hs.getLong(1), hs.getString(2),
                        hs.getObject(3, OffsetDateTime.class).toInstant(), hs.getString(4), hs.getString(5),
                        java.util.Base64.getDecoder().decode(hs.getString(6)),
                        SignedHead.parseCertificates(hs.getString(7)));
            } catch (IllegalArgumentException e) {
                full = new SignedHead(hs.getLong(1), hs.getString(2),
                        hs.getObject(3, OffsetDateTime.class).toInstant(), hs.getString(4), hs.getString(5),
                        new byte[0], List.of());
            }
            return new Head(full.position(), full.mac(), full.signedAt(), full);
        }
    }
}
