package legion.authorization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Function;

/**
 * The revocation list in one text file, replaced atomically. One process only: for the command line, benchmarks and
 * a deliberately configured {@code legion.authorization.revocation-list-path}.
 */
public final class FileRevocationStore implements RevocationStore {

    private final Path file;

    public FileRevocationStore(Path file) {
        this.file = file;
    }

    @Override
    public Optional<String> latest() {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long latestSequence() {
        return latest().map(text -> RevocationList.parse(text).sequence()).orElse(-1L);
    }

    @Override
    public synchronized RevocationList publish(Function<Optional<String>, RevocationList> next) {
        RevocationList list = next.apply(latest());
        if (list == null) {
            return null;
        }
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".revocations", ".tmp");
            Files.writeString(temporary, list.serialize(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }
}
