package legion.screening.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import legion.screening.LinkageConfigException;
import legion.screening.WatchlistFormatException;

/** Shared error handling and CSV output of the screening subcommands. */
final class CommandSupport {

    static final int BAD_INPUT = 2;

    private CommandSupport() {
    }

    /** Runs a command body; bad input becomes one line on stderr and exit code 2, never a stack trace. */
    static int guarded(PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (WatchlistFormatException | LinkageConfigException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (Exception e) {
            err.println("error: unexpected " + e.getClass().getSimpleName());
            err.flush();
            return 1;
        }
    }

    interface RowWriter {
        void write(CSVPrinter out) throws IOException;
    }

    static void writeCsv(Path output, List<String> header, RowWriter rows) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("output directory does not exist: " + parent);
        }
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
             CSVPrinter out = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                     .setRecordSeparator('\n').get().print(w)) {
            rows.write(out);
        }
    }
}
