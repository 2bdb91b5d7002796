package legion.privacy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data-encryption keys (AES-256, each with an id) and the blind-index key (HMAC-SHA256).
 *
 * <p>From configuration: {@code legion.privacy.keys=k1:BASE64,k2:BASE64}, {@code legion.privacy.current-key=k2},
 * {@code legion.privacy.index-key=BASE64} — required when several nodes share a database. Without configuration
 * (the embedded single-node default) keys are generated once into {@code <data-dir>/keys/privacy.properties}
 * (owner-only permissions). Key material is never logged.
 */
public final class DataKeys {

    private final Map<String, SecretKey> keys;
    private final String current;
    private final SecretKey indexKey;

    DataKeys(Map<String, SecretKey> keys, String current, SecretKey indexKey) {
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("the current data key id is not among the configured keys");
        }
        this.keys = Map.copyOf(keys);
        this.current = current;
        this.indexKey = indexKey;
    }

    /** Parses the configured form; null or blank keys mean "not configured". */
    static DataKeys parse(String keyList, String current, String indexKey) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keyList.split(",")) {
            String e = entry.strip();
            int colon = e.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("legion.privacy.keys entries are id:base64");
            }
            keys.put(e.substring(0, colon), aes(Base64.getDecoder().decode(e.substring(colon + 1))));
        }
        String cur = current == null || current.isBlank() ? keys.keySet().stream().reduce((a, b) -> b).orElseThrow() : current;
        return new DataKeys(keys, cur, new SecretKeySpec(Base64.getDecoder().decode(indexKey), "HmacSHA256"));
    }

    /** Loads the generated key file, creating it on first use. */
    static DataKeys fromFile(Path file) throws IOException {
        Properties p = new Properties();
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            SecureRandom random = new SecureRandom();
            byte[] data = new byte[32];
            byte[] index = new byte[32];
            random.nextBytes(data);
            random.nextBytes(index);
            p.setProperty("keys", "k1:" + Base64.getEncoder().encodeToString(data));
            p.setProperty("current-key", "k1");
            p.setProperty("index-key", Base64.getEncoder().encodeToString(index));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Legion data keys: back this file up; losing it loses the personal data it protects");
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return parse(p.getProperty("keys"), p.getProperty("current-key"), p.getProperty("index-key"));
    }

    private static SecretKey aes(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("data keys must be 256 bits");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    String currentId() {
        return current;
    }

    SecretKey key(String id) {
        SecretKey k = keys.get(id);
        if (k == null) {
            throw new IllegalStateException("unknown data key id " + id);
        }
        return k;
    }

    SecretKey indexKey() {
        return indexKey;
    }
}
