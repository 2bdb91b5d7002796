package legion.privacy;

/**
 * A store of encrypted fields that the background re-encryption brings under the current data key: each module
 * holding ciphertext implements it for its own tables (a module rewrites only its own rows).
 */
public interface Reencryptable {

    /**
     * Rewrites at most {@code batch} rows whose fields are plaintext or under another key than the current one, each
     * only if its key is still the one read (safe on several nodes). Returns how many rows were rewritten; 0 when
     * nothing is left.
     */
    int reencrypt(int batch);
}
