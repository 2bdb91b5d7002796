package legion.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The passwords this node verified with bcrypt in the last few minutes, so that an API client making many calls with
 * HTTP Basic (as PRODUCT.md has it) pays bcrypt once per {@code ttl}, not on every call (ADR 0140).
 * <p>Held in memory only, one entry per officer: an HMAC-SHA256 of the password under a key drawn at start-up and
 * never stored, together with the stored bcrypt hash it was checked against. A hit needs the same password (compared
 * in constant time), the same stored hash (a changed or reset password misses) and an unexpired entry; every other
 * check — account enabled, not locked, the client's back-off, the one-time code — runs on every call as before.
 */
final class VerifiedPasswords {

    private record Entry(byte[] mac, String storedHash, Instant until) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedPasswords(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    boolean enabled() {
        return !ttl.isZero() && !ttl.isNegative();
    }

    /** Whether {@code password} is the one verified for {@code username} against {@code storedHash} within the ttl. */
    boolean verified(String username, String password, String storedHash) {
        if (!enabled() || password == null || storedHash == null) {
            return false;
        }
        Entry e = entries.get(username);
        if (e == null) {
            return false;
        }
        if (!clock.instant().isBefore(e.until()) || !e.storedHash().equals(storedHash)) {
            entries.remove(username, e);
            return false;
        }
        return MessageDigest.isEqual(e.mac(), mac(username, password));
    }

    /** Remembers that bcrypt accepted {@code password} for {@code username} against {@code storedHash}. */
    void remember(String username, String password, String storedHash) {
        if (enabled() && password != null && storedHash != null) {
            entries.put(username, new Entry(mac(username, password), storedHash, clock.instant().plus(ttl)));
        }
    }

    /** Forgets the officer's entry (a failed password, a lock-out). */
    void forget(String username) {
        entries.remove(username);
    }

    private byte[] mac(String username, String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update(username.getBytes(StandardCharsets.UTF_8));
            m.update((byte) 0);
            return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
