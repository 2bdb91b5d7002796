package legion.privacy;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Unpredictable bytes for initialisation vectors, identifiers and references: one DRBG (NIST SP 800-90A, seeded from
 * the operating system) per thread. {@code new SecureRandom()} and {@link UUID#randomUUID()} share one generator
 * behind global locks on Linux ({@code NativePRNG}), which the intake threads queued on, a dozen times per
 * application (ADR 0130).
 */
public final class Randomness {

    private static final ThreadLocal<SecureRandom> DRBG = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Randomness() {
    }

    /** This thread's generator (not to be handed to another thread). */
    public static SecureRandom current() {
        return DRBG.get();
    }

    /** A random (version 4) UUID. */
    public static UUID uuid() {
        byte[] b = new byte[16];
        DRBG.get().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
