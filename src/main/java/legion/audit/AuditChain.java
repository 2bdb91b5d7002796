package legion.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed chain of the audit log (Spring-free, so the subcommands run without the server; ADR 0070). Two MACs,
 * both HMAC-SHA-256 under the application's audit key, every field length-prefixed:
 * <ul>
 *   <li>{@link #entryMac}: made by {@link AuditLog} when the entry is written, over a random nonce and the entry's
 *   content; a row without a valid one was not written by Legion and is never sealed;</li>
 *   <li>{@link #link}: made by {@link AuditSealer} when the entry joins the chain, over the previous entry's link,
 *   the chain position, the row's seq and its entry MAC.</li>
 * </ul>
 * Changing, removing, reordering or inserting any sealed entry breaks every link from that point on, and nobody
 * without the key can compute new ones. The key never goes into the database; only its {@link #keyId()} does.
 */
public final class AuditChain {

    /** The link before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    private final SecretKeySpec key;
    private final String keyId;
    private final ThreadLocal<Mac> macs;

    private AuditChain(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the audit MAC key must be at least 256 bits");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.keyId = mac("legion-audit-key-id").substring(0, 16);
    }

    /** A chain under this key (at least 32 bytes). */
    public static AuditChain withKey(byte[] key) {
        return new AuditChain(key.clone());
    }

    /** A public fingerprint of the key (16 hex digits): tells which key sealed a log without revealing it. */
    public String keyId() {
        return keyId;
    }

    /** Times are kept to the microsecond, as both databases store them. */
    public static Instant canonical(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The MAC an entry gets when it is written. */
    public String entryMac(String nonce, Instant at, String actor, String actorRole, String action, String subject,
                           String detail) {
        return mac("entry-v1", nonce, time(at), actor, actorRole, action, subject, detail);
    }

    /** The link of the entry at {@code position}, following the link {@code previous}. */
    public String link(String previous, long position, long seq, String entryMac) {
        return mac("link-v1", previous, Long.toString(position), Long.toString(seq), entryMac);
    }

    /** Constant-time comparison of two MACs given as hex (null never matches). */
    public static boolean same(String expected, String actual) {
        return expected != null && actual != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    static String time(Instant at) {
        Instant t = canonical(at);
        return t.getEpochSecond() + "." + t.getNano() / 1000;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One MAC over the parts; the thread's {@link Mac} is reset by {@code doFinal}. */
    private String mac(String... parts) {
        Mac mac = macs.get();
        byte[] length = new byte[4];
        for (String part : parts) {
            byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
            mac.update((byte) (part == null ? 0 : 1));
            ByteBuffer.wrap(length).putInt(bytes.length);
            mac.update(length);
            mac.update(bytes);
        }
        return HEX.formatHex(mac.doFinal());
    }
}
