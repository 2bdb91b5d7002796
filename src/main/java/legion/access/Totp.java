package legion.access;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 time-based one-time passwords (java-otp): HMAC-SHA1, 30-second steps, 6 digits, as every authenticator
 * app expects. A code is accepted for the current step and one step either side (clock drift).
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private Totp() {
    }

    /** A new random 160-bit secret, base32 (as authenticator apps take it). */
    public static String newSecret() {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    public static String code(String base32Secret, Instant at) {
        try {
            return String.format("%06d", GENERATOR.generateOneTimePassword(key(base32Secret), at));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time step a code belongs to (within ±1 step of {@code now}), or empty when it is not valid. */
    public static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        String typed = code.strip();
        long step = now.getEpochSecond() / STEP.getSeconds();
        for (long s = step - 1; s <= step + 1; s++) {
            if (java.security.MessageDigest.isEqual(code(base32Secret, Instant.ofEpochSecond(s * STEP.getSeconds()))
                    .getBytes(), typed.getBytes())) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** The otpauth URI an authenticator app reads from a QR code. */
    public static String uri(String issuer, String account, String base32Secret) {
        return "otpauth://totp/" + enc(issuer) + ":" + enc(account) + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SecretKeySpec key(String base32Secret) {
        return new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1");
    }

    static {
        try {
            javax.crypto.Mac.getInstance("HmacSHA1");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
