package legion.parole.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import legion.parole.policy.ConvictInput;
import legion.parole.policy.Outcome;
import legion.parole.policy.ParolePolicy;
import legion.parole.policy.PolicyV1;
import legion.parole.policy.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parole-screen}: judges convicts (CSV {@code id,offences,sentence_end,life_sentence,
 * especially_responsible_post}) under policy v1 and writes {@code id,outcome,eligible_from,rules}, one row per
 * convict in input order. Exit 0 when every row was judged, 1 when any row was {@code INVALID} (the others are
 * judged all the same), 2 when the files or options are unusable (nothing is written then).
 */
@Command(name = "parole-screen", mixinStandardHelpOptions = true,
        description = "Judges convicts against the parole policy (v1); writes id,outcome,eligible_from,rules.")
public final class ParoleScreenCommand implements Callable<Integer> {

    static final int INVALID_ROWS = 1;
    static final int BAD_INPUT = 2;
    static final List<String> COLUMNS =
            List.of("id", "offences", "sentence_end", "life_sentence", "especially_responsible_post");
    static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Kyiv");

    @Option(names = "--input", required = true, description = "CSV of convicts with a header row")
    Path input;

    @Option(names = "--output", required = true, description = "CSV of verdicts to write")
    Path output;

    @Option(names = "--as-of", description = "the day judged, YYYY-MM-DD (default: today in Kyiv)")
    String asOf;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public ParoleScreenCommand() {
        this(Clock.system(LEGAL_ZONE));
    }

    ParoleScreenCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            LocalDate day = day();
            Counts counts = screen(PolicyV1.policy(), day);
            spec.commandLine().getOut().println(counts.summary(day));
            if (counts.invalid > 0) {
                err.println("warning: " + counts.invalid + " row(s) INVALID, first at data row " + counts.firstInvalid
                        + " (reasons in the rules column)");
                err.flush();
                return INVALID_ROWS;
            }
            return 0;
        } catch (BadInput e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
    }

    private LocalDate day() {
        if (asOf == null) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput("--as-of must be a date as YYYY-MM-DD, not '" + asOf + "'");
        }
    }

    private Counts screen(ParolePolicy policy, LocalDate day) {
        if (!Files.isRegularFile(input)) {
            throw new BadInput("input file not found: " + input);
        }
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInput("output directory does not exist: " + dir);
        }
        Path partial;
        try {
            partial = Files.createTempFile(dir, ".parole-screen-", ".partial");
        } catch (IOException e) {
            throw new BadInput("cannot write in " + dir + ": " + e.getMessage());
        }
        try {
            Counts counts = new Counts();
            try (Reader in = withoutByteOrderMark(Files.newBufferedReader(input, StandardCharsets.UTF_8));
                 CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                         .setTrim(true).setIgnoreHeaderCase(true).get().parse(in);
                 Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                 // RFC 4180: records end with CRLF, as the shared expected verdicts do
                 CSVPrinter out = CSVFormat.DEFAULT.builder().setHeader("id", "outcome", "eligible_from", "rules")
                         .setRecordSeparator("\r\n").get().print(w)) {
                checkHeader(rows.getHeaderNames());
                long number = 0;
                for (CSVRecord row : rows) {
                    Verdict verdict = judge(policy, day, row);
                    counts.add(verdict.outcome(), ++number);
                    out.printRecord(row.isSet("id") ? row.get("id").strip() : "", verdict.outcome(),
                            verdict.eligibleFrom() == null ? "" : verdict.eligibleFrom(), verdict.rules());
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return counts;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // commons-csv reports a malformed file (an unclosed quote ...) this way; no cell content in the message
            throw new BadInput("malformed CSV in " + input + " (" + e.getClass().getSimpleName() + ")");
        } catch (NoSuchFileException e) {
            throw new BadInput("file not found: " + e.getFile());
        } catch (IOException e) {
            throw new BadInput("cannot read or write: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the partial file is hidden and named as such
            }
        }
    }

    private static Reader withoutByteOrderMark(java.io.BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new BadInput("the input has no header row");
        }
        for (String column : COLUMNS) {
            if (header.stream().noneMatch(h -> h.strip().equalsIgnoreCase(column))) {
                throw new BadInput("missing required column '" + column + "' (header: " + String.join(",", COLUMNS)
                        + ")");
            }
        }
    }

    private static Verdict judge(ParolePolicy policy, LocalDate day, CSVRecord row) {
        if (!row.isConsistent()) {
            return Verdict.invalid(List.of("MALFORMED_ROW(" + row.size() + " fields)"));
        }
        ConvictInput.Reading reading = ConvictInput.read(row.get("offences"), row.get("sentence_end"),
                row.get("life_sentence"), row.get("especially_responsible_post"));
        return reading.isReadable() ? policy.judge(reading.convict(), day) : Verdict.invalid(reading.reasons());
    }

    /** Outcomes counted for the summary line. */
    private static final class Counts {
        private final Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        private int invalid;
        private long firstInvalid;

        void add(Outcome outcome, long row) {
            byOutcome.merge(outcome, 1, Integer::sum);
            if (outcome == Outcome.INVALID && invalid++ == 0) {
                firstInvalid = row;
            }
        }

        String summary(LocalDate day) {
            int total = byOutcome.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder s = new StringBuilder().append(total).append(" convicts judged as of ").append(day)
                    .append(" under policy v1:");
            for (Outcome o : Outcome.values()) {
                s.append(' ').append(o).append('=').append(byOutcome.getOrDefault(o, 0));
            }
            return s.toString();
        }
    }

    /** Unusable files or options: one line on stderr, exit 2. */
    private static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
