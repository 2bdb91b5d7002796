package legion.screening.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import legion.screening.NameMatcher;
import legion.screening.internal.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code match-names}: scores name pairs of a CSV file. */
@Command(name = "match-names", mixinStandardHelpOptions = true,
        description = "Scores name pairs (CSV with name1,name2[,schema]); writes the same rows plus score and is_match.")
public final class MatchNamesCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "CSV with a header row and columns name1, name2")
    Path input;

    @Option(names = "--output", required = true, description = "CSV to write")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandSupport.guarded(spec.commandLine().getErr(), () -> {
            CsvTable table = CsvTable.read(input, List.of("name1", "name2"));
            NameMatcher matcher = new NameMatcher();
            List<String> header = new ArrayList<>(table.header());
            header.remove("score");
            header.remove("is_match");
            header.add("score");
            header.add("is_match");
            CommandSupport.writeCsv(output, header, out -> {
                for (Map<String, String> row : table.rows()) {
                    double score = matcher.score(row.get("name1"), row.get("name2"));
                    List<String> cells = new ArrayList<>();
                    for (String h : table.header()) {
                        if (!h.equals("score") && !h.equals("is_match")) {
                            cells.add(row.get(h));
                        }
                    }
                    cells.add(String.format(Locale.ROOT, "%.4f", score));
                    cells.add(Boolean.toString(score >= NameMatcher.THRESHOLD));
                    out.printRecord(cells);
                }
            });
            spec.commandLine().getOut().printf("%d pairs scored, threshold %.2f%n", table.rows().size(),
                    NameMatcher.THRESHOLD);
            return 0;
        });
    }
}
