package legion.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts single fields with AES-256-GCM: {@code v1:<key id>:<base64(iv ‖ ciphertext ‖ tag)>}, the field's name as
 * associated data (a value moved to another column does not decrypt). A stored value without the prefix is legacy
 * plaintext and is returned as it is (the background re-encryption turns it into ciphertext).
 * Blind indexes are {@code HMAC-SHA256(index key, field ":" normalised value)}, for exact look-ups without plaintext.
 */
public class FieldCipher {

    private static final String PREFIX = "v1:";
    /** Cipher and Mac instances are not thread-safe but costly to look up: one of each per thread. */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private final DataKeys keys;

    public FieldCipher(DataKeys keys) {
        this.keys = keys;
    }

    /** The id of the key new values are encrypted with. */
    public String currentKeyId() {
        return keys.currentId();
    }

    public String encrypt(String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            Randomness.current().nextBytes(iv);
            Cipher c = GCM.get();
            c.init(Cipher.ENCRYPT_MODE, keys.key(keys.currentId()), new GCMParameterSpec(128, iv));
            c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
            return PREFIX + keys.currentId() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Encrypts a file: {@code key id length ‖ key id ‖ iv ‖ ciphertext ‖ tag}, the field as associated data. */
    public byte[] encryptBytes(String field, byte[] plaintext) {
        try {
            byte[] iv = new byte[12];
            Randomness.current().nextBytes(iv);
            Cipher c = GCM.get();
            c.init(Cipher.ENCRYPT_MODE, keys.key(keys.currentId()), new GCMParameterSpec(128, iv));
            c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext);
            byte[] id = keys.currentId().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + id.length + iv.length + ct.length).put((byte) id.length).put(id).put(iv)
                    .put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] decryptBytes(String field, byte[] stored) {
        int idLength = stored[0];
        String keyId = new String(stored, 1, idLength, StandardCharsets.UTF_8);
        int offset = 1 + idLength;
        try {
            Cipher c = GCM.get();
            c.init(Cipher.DECRYPT_MODE, keys.key(keyId), new GCMParameterSpec(128, stored, offset, 12));
            c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(stored, offset + 12, stored.length - offset - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored " + field + " does not decrypt with key " + keyId);
        }
    }

    public String decrypt(String field, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int second = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), second);
        byte[] in = Base64.getDecoder().decode(stored.substring(second + 1));
        try {
            Cipher c = GCM.get();
            c.init(Cipher.DECRYPT_MODE, keys.key(keyId), new GCMParameterSpec(128, in, 0, 12));
            c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored " + field + " does not decrypt with key " + keyId);
        }
    }

    /** Whether a stored value needs re-encryption (plaintext, or another key than the current one). */
    public boolean isStale(String stored) {
        return stored != null && !stored.startsWith(PREFIX + keys.currentId() + ":");
    }

    public String blindIndex(String field, String normalisedValue) {
        if (normalisedValue == null) {
            return null;
        }
        try {
            Mac mac = HMAC.get();
            mac.init(keys.indexKey());
            byte[] h = mac.doFinal((field + ":" + normalisedValue).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
