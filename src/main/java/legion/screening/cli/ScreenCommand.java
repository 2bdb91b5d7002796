package legion.screening.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import legion.screening.BirthDate;
import legion.screening.Hit;
import legion.screening.Person;
import legion.screening.Screener;
import legion.screening.Watchlist;
import legion.screening.Watchlists;
import legion.screening.internal.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code screen}: screens the people of a CSV against sanctions lists. */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Screens people (CSV with full_name and optional date_of_birth, nationality, gender) against "
                + "watchlists; writes row,full_name,list,list_id,matched_name,score for each hit.")
public final class ScreenCommand implements Callable<Integer> {

    @Option(names = "--list", required = true, paramLabel = "NAME=PATH",
            description = "un=FILE.xml (UN consolidated list) or ofac=DIR (OFAC SDN legacy CSV directory or file prefix); repeatable")
    List<String> lists;

    @Option(names = "--input", required = true, description = "CSV with a header row and a full_name column")
    Path input;

    @Option(names = "--output", required = true, description = "CSV to write")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandSupport.guarded(spec.commandLine().getErr(), () -> {
            Map<String, Path> sources = parseLists(lists);
            CsvTable table = CsvTable.read(input, List.of("full_name"));
            List<Person> people = new ArrayList<>();
            List<Integer> undated = new ArrayList<>();
            for (int i = 0; i < table.rows().size(); i++) {
                people.add(person(table.rows().get(i), i + 1, undated));
            }
            if (!undated.isEmpty()) {
                spec.commandLine().getErr().println(undatedWarning(undated));
            }
            List<Watchlist> loaded = new ArrayList<>();
            for (Map.Entry<String, Path> e : sources.entrySet()) {
                loaded.add(Watchlists.load(e.getKey(), e.getValue()));
            }
            Screener screener = new Screener(loaded);
            int[] hits = {0};
            CommandSupport.writeCsv(output, List.of("row", "full_name", "list", "list_id", "matched_name", "score"), out -> {
                for (int i = 0; i < people.size(); i++) {
                    for (Hit h : screener.screen(people.get(i))) {
                        out.printRecord(i + 1, people.get(i).fullName(), h.list(), h.listId(), h.matchedName(),
                                String.format(Locale.ROOT, "%.4f", h.score()));
                        hits[0]++;
                    }
                }
            });
            spec.commandLine().getOut().printf("%d people screened against %s, %d hits%n", people.size(),
                    screener.listVersions(), hits[0]);
            return 0;
        });
    }

    static Map<String, Path> parseLists(List<String> specs) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new IllegalArgumentException("--list must be NAME=PATH with NAME un or ofac, got '" + s + "'");
            }
            String name = s.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!name.equals("un") && !name.equals("ofac")) {
                throw new IllegalArgumentException("--list: unknown list '" + name + "' (known: un, ofac)");
            }
            if (out.put(name, Path.of(s.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("--list: list '" + name + "' given twice");
            }
        }
        return out;
    }

    /**
     * One person of the input. A date of birth that is no date counts as unknown for that row (its number goes to
     * {@code undated}, never its value): one bad cell must not fail the file.
     */
    private Person person(Map<String, String> row, int number, List<Integer> undated) {
        String name = row.get("full_name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(input.getFileName() + ": row " + number + " has an empty full_name");
        }
        BirthDate birth = null;
        String rawDob = row.get("date_of_birth");
        if (rawDob != null && !rawDob.isBlank()) {
            birth = BirthDate.parse(rawDob).orElse(null);
            if (birth == null) {
                undated.add(number);
            }
        }
        return Person.withBirth(name, birth, blankToNull(row.get("nationality")), blankToNull(row.get("gender")));
    }

    /** The one warning for every row whose date of birth is no date. */
    static String undatedWarning(List<Integer> rows) {
        StringBuilder list = new StringBuilder();
        for (Integer r : rows) {
            list.append(list.isEmpty() ? "" : ", ").append(r);
        }
        return "warning: date_of_birth is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD) in " + rows.size()
                + (rows.size() == 1 ? " row" : " rows") + ", screened without it: row " + list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
