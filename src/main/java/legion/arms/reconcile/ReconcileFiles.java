package legion.arms.reconcile;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads REGISTER.csv and JOURNAL.csv as the {@code arms-reconcile} contract defines them (a header row naming the
 * columns, in any order, extra columns ignored). Errors name the file, the data row (from 1) and the column, never a
 * value: the files hold personal data.
 */
public final class ReconcileFiles {

    static final List<String> REGISTER_COLUMNS = List.of("serial", "make", "model", "calibre", "holder_id", "surname",
            "given_names", "patronymic", "date_of_birth", "issued_at", "point");
    static final List<String> JOURNAL_COLUMNS = List.of("serial", "make", "surname", "given_names", "patronymic",
            "date_of_birth", "holder_id", "issued_at", "point");

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

    private ReconcileFiles() {
    }

    public static List<RegisterEntry> readRegister(Path file) {
        List<RegisterEntry> out = new ArrayList<>();
        read(file, REGISTER_COLUMNS, (row, cells, label) -> {
            String serial = required(cells, "serial", row, label);
            out.add(new RegisterEntry(row, serial, cells.get("make"), person(cells, row, label)));
        });
        return out;
    }

    public static List<JournalEntry> readJournal(Path file) {
        List<JournalEntry> out = new ArrayList<>();
        read(file, JOURNAL_COLUMNS, journalRow(out));
        return out;
    }

    /** A journal uploaded in the console: the same columns and errors, {@code label} naming it in messages. */
    public static List<JournalEntry> readJournal(String label, byte[] content) {
        List<JournalEntry> out = new ArrayList<>();
        try (Reader reader = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(content),
                StandardCharsets.UTF_8.newDecoder())) {
            read(reader, label, JOURNAL_COLUMNS, journalRow(out));
        } catch (MalformedInputException e) {
            throw new BadInputException(label + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + label + ": " + e.getClass().getSimpleName(), e);
        }
        return out;
    }

    private static RowHandler journalRow(List<JournalEntry> out) {
        return (row, cells, label) -> {
            String serial = required(cells, "serial", row, label);
            out.add(new JournalEntry(row, serial, cells.get("make"), person(cells, row, label)));
        };
    }

    private static Person person(Map<String, String> cells, int row, String label) {
        return new Person(cells.get("holder_id"), cells.get("surname"), cells.get("given_names"),
                cells.get("patronymic"), date(cells.get("date_of_birth"), row, "date_of_birth", label));
    }

    private static String required(Map<String, String> cells, String column, int row, String label) {
        String v = cells.get(column);
        if (v == null || v.isBlank() || legion.arms.Serials.normalize(v).isEmpty()) {
            throw new BadInputException(label + ": row " + row + ", column " + column + ": empty (required)");
        }
        return v.strip();
    }

    /**
     * {@code YYYY-MM-DD} or {@code DD.MM.YYYY} as {@code yyyy-mm-dd}; empty stays empty. Digits in the right shape
     * that make no calendar date (month 13) are kept: a typing error the date comparison still weighs.
     */
    static String date(String raw, int row, String column, String label) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String s = raw.strip();
        Matcher iso = ISO.matcher(s);
        Matcher dotted = DOTTED.matcher(s);
        if (iso.matches()) {
            return ymd(iso.group(1), iso.group(2), iso.group(3));
        }
        if (dotted.matches()) {
            return ymd(dotted.group(3), dotted.group(2), dotted.group(1));
        }
        throw new BadInputException(label + ": row " + row + ", column " + column
                + ": not a date (YYYY-MM-DD or DD.MM.YYYY)");
    }

    private static String ymd(String y, String m, String d) {
        return String.format(Locale.ROOT, "%s-%02d-%02d", y, Integer.parseInt(m), Integer.parseInt(d));
    }

    private interface RowHandler {
        void row(int row, Map<String, String> cells, String label);
    }

    private static void read(Path file, List<String> required, RowHandler handler) {
        String label = String.valueOf(file.getFileName());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(reader, label, required, handler);
        } catch (NoSuchFileException e) {
            throw new BadInputException("file not found: " + file);
        } catch (MalformedInputException e) {
            throw new BadInputException(label + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static void read(Reader reader, String label, List<String> required, RowHandler handler)
            throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new BadInputException(label + ": empty file (a header row is required)");
            }
            List<String> header = new ArrayList<>();
            for (String h : records.next()) {
                header.add(h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
            }
            for (String c : required) {
                if (!header.contains(c)) {
                    throw new BadInputException(label + ": missing required column '" + c + "' (expected "
                            + String.join(",", required) + ")");
                }
            }
            int row = 0;
            while (records.hasNext()) {
                CSVRecord rec = records.next();
                row++;
                if (rec.size() > header.size()) {
                    throw new BadInputException(label + ": row " + row + " has " + rec.size()
                            + " cells, the header has " + header.size());
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.putIfAbsent(header.get(i), i < rec.size() ? rec.get(i).strip() : "");
                }
                handler.row(row, cells, label);
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof MalformedInputException m) {
                throw m;
            }
            throw new BadInputException(label + ": malformed CSV" + lineOf(e), e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new BadInputException(label + ": malformed CSV" + lineOf(e), e);
        }
    }

    /** commons-csv names the line (never the cell) in its messages; keep only that. */
    private static String lineOf(Exception e) {
        Matcher m = Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return m.find() ? " near line " + m.group(1) : "";
    }
}
