package legion.authorization.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The keystore in one file, replaced atomically and readable by the owner only; its version is the file's
 * modification time. One process only: for tools without a database.
 */
final class FileKeystoreStorage implements SigningKeys.Storage {

    private final Path file;

    FileKeystoreStorage(Path file) {
        this.file = file;
    }

    @Override
    public Optional<Stored> load() {
        try {
            return Files.exists(file)
                    ? Optional.of(new Stored(Files.readAllBytes(file), Files.getLastModifiedTime(file).toMillis()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long version() {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized long save(byte[] pkcs12, long expected) {
        if (version() != expected) {
            return -1;
        }
        try {
            AtomicFiles.replace(file, pkcs12, true);
            return version();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
