package legion.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the audit MAC key comes from: {@code legion.audit.mac-key} (base64 of at least 32 bytes; required, and the
 * same on every node, when several nodes share a database, like {@code legion.privacy.keys}), or, for a single
 * node, {@code <data-dir>/keys/audit-mac.key}, generated on first start, readable by the owner only. Never the
 * database, never a log line.
 */
public final class AuditKeys {

    private AuditKeys() {
    }

    /** The key file of a data directory. */
    public static Path file(Path dataDir) {
        return dataDir.resolve("keys").resolve("audit-mac.key");
    }

    /** The configured key (blank: none configured). */
    public static Optional<AuditChain> configured(String base64) {
        if (base64 == null || base64.isBlank()) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("legion.audit.mac-key is not base64");
        }
        if (key.length < 32) {
            throw new IllegalArgumentException("legion.audit.mac-key must be at least 32 bytes (base64 of 32 random bytes)");
        }
        return Optional.of(AuditChain.withKey(key));
    }

    /** The key of a data directory, if its file exists. */
    public static Optional<AuditChain> fromDataDir(Path dataDir) throws IOException {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return configured(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** The key of a data directory, generated (owner-only file, written atomically) when there is none. */
    public static AuditChain fromDataDirCreating(Path dataDir) throws IOException {
        Optional<AuditChain> existing = fromDataDir(dataDir);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path file = file(dataDir);
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return AuditChain.withKey(key);
    }
}
