package legion.screening.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import legion.screening.WatchlistFormatException;

/**
 * A CSV file with a header row, read whole: column names trimmed (Febrl writes ", given_name"), values with
 * surrounding blanks removed. Errors name the file, row and column, never a value.
 *
 * @param header the column names in file order
 * @param rows   one map per data row (column to value, missing trailing cells as empty strings)
 */
public record CsvTable(List<String> header, List<Map<String, String>> rows) {

    public static CsvTable read(Path file, Collection<String> required) {
        String label = String.valueOf(file.getFileName());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder()
                     .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
                     .setAllowMissingColumnNames(true).get().parse(reader)) {
            List<String> header = new ArrayList<>();
            for (String h : parser.getHeaderNames()) {
                header.add(h.strip().replace("\uFEFF", ""));
            }
            if (header.isEmpty()) {
                throw new WatchlistFormatException(label + ": empty file (a header row is required)");
            }
            for (String r : required) {
                if (!header.contains(r)) {
                    throw new WatchlistFormatException(label + ": missing required column '" + r + "'");
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                if (rec.size() > header.size()) {
                    throw new WatchlistFormatException(label + ": row " + (rows.size() + 1) + " has " + rec.size()
                            + " cells, the header has " + header.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < rec.size() ? rec.get(i) : "");
                }
                rows.add(row);
            }
            return new CsvTable(List.copyOf(header), rows);
        } catch (NoSuchFileException e) {
            throw new WatchlistFormatException("file not found: " + file);
        } catch (MalformedInputException e) {
            throw new WatchlistFormatException(label + ": not UTF-8 text");
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new WatchlistFormatException(label + ": malformed CSV" + lineOf(e), e);
        } catch (IOException e) {
            throw new WatchlistFormatException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** commons-csv puts the line number (never the cell) in its messages; keep only that. */
    private static String lineOf(Exception e) {
        var m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return m.find() ? " near line " + m.group(1) : "";
    }
}
