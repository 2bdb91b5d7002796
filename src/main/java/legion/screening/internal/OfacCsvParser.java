package legion.screening.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import legion.screening.BirthDate;
import legion.screening.Watchlist;
import legion.screening.WatchlistEntry;
import legion.screening.WatchlistFormatException;

/**
 * Reads OFAC's legacy SDN CSV release: {@code sdn.csv} (ent_num, name, type, program, title, call sign, vessel
 * fields, remarks), {@code alt.csv} (ent_num, alt_num, type, alt name, remarks), {@code add.csv} (addresses) and
 * {@code sdn_comments.csv} (remarks that overflowed). {@code -0-} means empty. Dates of birth ("DOB 12 Jan 1960",
 * "DOB circa 1960", "DOB 1960 to 1962"), nationality, citizenship and gender live in the remarks.
 */
public final class OfacCsvParser {

    private static final Pattern DOB = Pattern.compile(
            "DOB\\s+(circa\\s+)?((?:\\d{1,2}\\s+)?(?:[A-Z][a-z]{2}\\s+)?\\d{4})(?:\\s*(?:to|-)\\s*((?:\\d{1,2}\\s+)?(?:[A-Z][a-z]{2}\\s+)?\\d{4}))?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})$");
    private static final Pattern DAY = Pattern.compile("^(\\d{1,2})\\s+([A-Z][a-z]{2})\\s+(\\d{4})$");
    private static final Pattern NATIONALITY = Pattern.compile("(?:nationality|citizen)\\s+([^;.]+)");
    private static final Pattern GENDER = Pattern.compile("Gender\\s+(Male|Female)");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("Jan", 1), Map.entry("Feb", 2), Map.entry("Mar", 3), Map.entry("Apr", 4), Map.entry("May", 5),
            Map.entry("Jun", 6), Map.entry("Jul", 7), Map.entry("Aug", 8), Map.entry("Sep", 9), Map.entry("Oct", 10),
            Map.entry("Nov", 11), Map.entry("Dec", 12));

    private record Files4(Path sdn, Path alt, Path add, Path comments) {
    }

    public Watchlist parse(Path location) {
        Files4 files = locate(location);
        MessageDigest sha = sha256();
        Map<String, StringBuilder> remarks = new LinkedHashMap<>();
        Map<String, String[]> sdn = new LinkedHashMap<>();
        for (CSVRecord rec : records(files.sdn(), sha)) {
            if (isTrailer(rec)) {
                continue;
            }
            if (rec.size() < 12) {
                throw new WatchlistFormatException(files.sdn().getFileName() + ": row " + rec.getRecordNumber()
                        + " has " + rec.size() + " columns, expected 12");
            }
            String id = value(rec.get(0));
            if (id == null || sdn.containsKey(id)) {
                throw new WatchlistFormatException(files.sdn().getFileName() + ": row " + rec.getRecordNumber()
                        + " has a missing or repeated ent_num");
            }
            sdn.put(id, new String[] {value(rec.get(1)), value(rec.get(2))});
            String rem = value(rec.get(11));
            remarks.put(id, new StringBuilder(rem == null ? "" : rem));
        }
        Map<String, List<String>> alts = new LinkedHashMap<>();
        for (CSVRecord rec : records(files.alt(), sha)) {
            if (isTrailer(rec) || rec.size() < 4) {
                continue; // a short trailing row carries no alias
            }
            String id = value(rec.get(0));
            String alt = value(rec.get(3));
            if (id != null && alt != null) {
                alts.computeIfAbsent(id, k -> new ArrayList<>()).add(alt);
            }
        }
        if (files.add() != null) {
            for (CSVRecord ignored : records(files.add(), sha)) {
                // addresses are not screened; the file counts towards the version hash only
            }
        }
        if (files.comments() != null) {
            for (CSVRecord rec : records(files.comments(), sha)) {
                if (isTrailer(rec) || rec.size() < 2) {
                    continue; // odd one-column rows hold nothing to append
                }
                StringBuilder sb = remarks.get(value(rec.get(0)));
                String more = value(rec.get(1));
                if (sb != null && more != null) {
                    sb.append(' ').append(more);
                }
            }
        }
        List<WatchlistEntry> entries = new ArrayList<>(sdn.size());
        for (Map.Entry<String, String[]> e : sdn.entrySet()) {
            String id = e.getKey();
            String name = e.getValue()[0];
            if (name == null) {
                continue;
            }
            boolean individual = "individual".equalsIgnoreCase(e.getValue()[1]);
            String rem = remarks.get(id).toString();
            List<String> nationalities = nationalities(rem);
            Set<String> codes = new LinkedHashSet<>();
            for (String n : nationalities) {
                Countries.toIso2(n).ifPresent(codes::add);
            }
            Matcher g = GENDER.matcher(rem);
            String gender = g.find() ? g.group(1).toLowerCase(Locale.ROOT) : null;
            entries.add(new WatchlistEntry("ofac", id, individual, name, alts.getOrDefault(id, List.of()),
                    individual ? birthDates(rem) : List.of(), nationalities, codes, gender));
        }
        String version = "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        return new Watchlist("ofac", version, entries);
    }

    static List<BirthDate> birthDates(String remarks) {
        List<BirthDate> out = new ArrayList<>();
        Matcher m = DOB.matcher(remarks);
        while (m.find()) {
            boolean circa = m.group(1) != null;
            String first = m.group(2).strip();
            String last = m.group(3) == null ? null : m.group(3).strip();
            if (last != null) {
                out.add(BirthDate.ofYears(year(first), Math.max(year(first), year(last))));
                continue;
            }
            Matcher day = DAY.matcher(first);
            if (!circa && day.matches() && MONTHS.containsKey(day.group(2))) {
                try {
                    out.add(BirthDate.ofDay(java.time.LocalDate.of(Integer.parseInt(day.group(3)),
                            MONTHS.get(day.group(2)), Integer.parseInt(day.group(1)))));
                    continue;
                } catch (java.time.DateTimeException ignored) {
                    // an impossible day: keep the year only
                }
            }
            int y = year(first);
            out.add(circa ? BirthDate.ofYears(y - 1, y + 1) : BirthDate.ofYears(y, y));
        }
        return out;
    }

    static List<String> nationalities(String remarks) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NATIONALITY.matcher(remarks);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return new ArrayList<>(out);
    }

    private static int year(String s) {
        Matcher y = YEAR.matcher(s);
        if (!y.find()) {
            throw new IllegalStateException("DOB pattern guarantees a year");
        }
        return Integer.parseInt(y.group(1));
    }

    /** OFAC writes "-0- " (with a trailing blank) for null. */
    static String value(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        return s.isEmpty() || s.equals("-0-") ? null : s;
    }

    /** Older releases end with a Ctrl-Z (0x1A) line. */
    private static boolean isTrailer(CSVRecord rec) {
        return rec.size() == 1 && (rec.get(0).isBlank() || rec.get(0).strip().equals("\u001a"));
    }

    private static Iterable<CSVRecord> records(Path file, MessageDigest sha) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new WatchlistFormatException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
        sha.update(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1); // older releases are Latin-1
        }
        try (Reader reader = new StringReader(text);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get().parse(reader)) {
            return parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new WatchlistFormatException(file.getFileName() + ": malformed CSV (" + e.getClass().getSimpleName()
                    + " near record " + approximateRow(e) + ")", e);
        }
    }

    private static String approximateRow(Exception e) {
        Matcher m = Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return m.find() ? "line " + m.group(1) : "unknown";
    }

    private static Files4 locate(Path location) {
        if (Files.isDirectory(location)) {
            Path plain = location.resolve("sdn.csv");
            if (Files.isRegularFile(plain)) {
                return files(location, "");
            }
            List<String> prefixes;
            try (Stream<Path> s = Files.list(location)) {
                prefixes = s.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith("sdn.csv"))
                        .map(n -> n.substring(0, n.length() - "sdn.csv".length()))
                        .toList();
            } catch (IOException e) {
                throw new WatchlistFormatException("cannot list " + location, e);
            }
            if (prefixes.isEmpty()) {
                throw new WatchlistFormatException("no OFAC sdn.csv in " + location);
            }
            if (prefixes.size() > 1) {
                throw new WatchlistFormatException("several OFAC file sets in " + location + " " + prefixes
                        + ": give the common prefix, e.g. " + location.resolve(prefixes.get(0)));
            }
            return files(location, prefixes.get(0));
        }
        Path dir = location.toAbsolutePath().getParent();
        String prefix = location.getFileName() == null ? "" : location.getFileName().toString();
        if (dir == null || !Files.isRegularFile(dir.resolve(prefix + "sdn.csv"))) {
            throw new WatchlistFormatException("OFAC list not found: " + location
                    + " (expected a directory with sdn.csv, alt.csv, add.csv or a file prefix)");
        }
        return files(dir, prefix);
    }

    private static Files4 files(Path dir, String prefix) {
        Path alt = dir.resolve(prefix + "alt.csv");
        if (!Files.isRegularFile(alt)) {
            throw new WatchlistFormatException("OFAC alt.csv missing beside " + dir.resolve(prefix + "sdn.csv"));
        }
        Path add = dir.resolve(prefix + "add.csv");
        Path comments = dir.resolve(prefix + "sdn_comments.csv");
        return new Files4(dir.resolve(prefix + "sdn.csv"), alt, Files.isRegularFile(add) ? add : null,
                Files.isRegularFile(comments) ? comments : null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
