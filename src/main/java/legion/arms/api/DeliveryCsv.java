package legion.arms.api;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import legion.arms.register.ArmsRegister;
import legion.shared.InvalidInputException;
import legion.shared.InvalidInputException.Problem;

/**
 * A delivery of weapons as CSV: a header naming {@code make,serial} and optionally {@code model,calibre} (any order,
 * other columns refused), one weapon a row. Every bad row is named with its column as {@code rows[n].column} (data
 * rows counted from 1, as in {@code arms-reconcile}), never with its value; one bad row refuses the delivery.
 */
final class DeliveryCsv {

    static final List<String> COLUMNS = List.of("make", "model", "calibre", "serial");
    static final int MAX_ROWS = 5_000;

    private DeliveryCsv() {
    }

    static List<ArmsRegister.Stock> read(String body) {
        List<Problem> problems = new ArrayList<>();
        List<ArmsRegister.Stock> rows = new ArrayList<>();
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("csv", "required");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body.startsWith("\uFEFF") ? body.substring(1) : body),
                format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : header.keySet()) {
                if (!COLUMNS.contains(column.strip().toLowerCase(Locale.ROOT))) {
                    problems.add(new Problem("header." + safe(column), "column"));
                }
            }
            for (String column : List.of("make", "serial")) {
                if (header.keySet().stream().noneMatch(c -> c.strip().equalsIgnoreCase(column))) {
                    problems.add(new Problem("header." + column, "required"));
                }
            }
            ArmsApi.refuse(problems);
            int row = 0;
            for (CSVRecord r : parser) {
                row++;
                if (row > MAX_ROWS) {
                    throw new InvalidInputException("rows", "tooMany");
                }
                String prefix = "rows[" + row + "].";
                if (r.size() != header.size()) {
                    problems.add(new Problem(prefix + "cells", "cells"));
                    continue;
                }
                String make = cell(r, header, "make");
                String model = cell(r, header, "model");
                String calibre = cell(r, header, "calibre");
                String serial = cell(r, header, "serial");
                ArmsApi.required(problems, prefix + "make", make, 60);
                ArmsApi.required(problems, prefix + "serial", serial, 60);
                ArmsApi.optional(problems, prefix + "model", model, 60);
                ArmsApi.optional(problems, prefix + "calibre", calibre, 30);
                rows.add(new ArmsRegister.Stock(make, model, calibre, serial));
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // commons-csv: a quote left open, a duplicate header … (its message may quote cells: not kept)
            throw new InvalidInputException("csv", "malformed");
        } catch (IOException e) {
            throw new InvalidInputException("csv", "malformed");
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("rows", "required"));
        }
        ArmsApi.refuse(problems);
        return rows;
    }

    private static String cell(CSVRecord r, Map<String, Integer> header, String column) {
        for (Map.Entry<String, Integer> e : header.entrySet()) {
            if (e.getKey().strip().equalsIgnoreCase(column)) {
                String v = r.get(e.getValue());
                return v == null || v.isBlank() ? null : v.strip();
            }
        }
        return null;
    }

    /** A column name as a field path: only letters, digits and underscores, at most 40 of them. */
    private static String safe(String column) {
        String s = column.replaceAll("[^\\p{Alnum}_]", "_");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
