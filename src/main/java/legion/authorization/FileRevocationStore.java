package legion.authorization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import legion.authorization.internal.AtomicFiles;

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
            AtomicFiles.replace(file, list.serialize().getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }
}
