package legion.arms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import legion.arms.reconcile.BadInputException;
import legion.arms.reconcile.Finding;
import legion.arms.reconcile.JournalEntry;
import legion.arms.reconcile.Reconciliation;
import legion.arms.reconcile.ReconcileFiles;
import legion.arms.reconcile.RegisterEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arms-reconcile}: paper-journal entries against the register, one finding per journal row. */
@Command(name = "arms-reconcile", mixinStandardHelpOptions = true,
        description = "Reconciles paper-journal entries against the arms register; writes "
                + "journal_row,finding,register_serial,score (MATCHED, SERIAL_CORRECTED, OTHER_HOLDER, UNKNOWN_SERIAL).")
public final class ArmsReconcileCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Option(names = "--register", required = true,
            description = "REGISTER.csv: serial,make,model,calibre,holder_id,surname,given_names,patronymic,"
                    + "date_of_birth,issued_at,point")
    Path register;

    @Option(names = "--journal", required = true,
            description = "JOURNAL.csv: serial,make,surname,given_names,patronymic,date_of_birth,holder_id,issued_at,point")
    Path journal;

    @Option(names = "--output", required = true, description = "FINDINGS.csv to write")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new BadInputException("output directory does not exist: " + parent);
            }
            List<RegisterEntry> weapons = ReconcileFiles.readRegister(register);
            List<JournalEntry> entries = ReconcileFiles.readJournal(journal);
            List<Finding> findings = new Reconciliation(weapons).reconcile(entries);
            write(findings);
            Map<Finding.Kind, Integer> counts = new EnumMap<>(Finding.Kind.class);
            for (Finding f : findings) {
                counts.merge(f.kind(), 1, Integer::sum);
            }
            spec.commandLine().getOut().printf("%d register rows, %d journal rows: %s%n", weapons.size(),
                    entries.size(), counts);
            return 0;
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + e.getClass().getSimpleName());
            err.flush();
            return BAD_INPUT;
        }
    }

    private void write(List<Finding> findings) throws IOException {
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
             CSVPrinter out = CSVFormat.DEFAULT.builder()
                     .setHeader("journal_row", "finding", "register_serial", "score")
                     .setRecordSeparator('\n').get().print(w)) {
            for (Finding f : findings) {
                out.printRecord(f.journalRow(), f.kind().name(), f.registerSerial(),
                        String.format(Locale.ROOT, "%.4f", f.score()));
            }
        }
    }
}
