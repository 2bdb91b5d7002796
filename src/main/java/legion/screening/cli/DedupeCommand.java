package legion.screening.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import legion.screening.LinkageConfig;
import legion.screening.LinkageEngine;
import legion.screening.ScoredPair;
import legion.screening.internal.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dedupe}: record linkage of one CSV under a YAML configuration. */
@Command(name = "dedupe", mixinStandardHelpOptions = true,
        description = "Finds records of the same person in a CSV; writes id1,id2,score for pairs judged the same.")
public final class DedupeCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "YAML linkage configuration (e.g. bench/febrl.yml)")
    Path config;

    @Option(names = "--input", required = true, description = "CSV with a header row holding the configured columns")
    Path input;

    @Option(names = "--output", required = true, description = "CSV to write (id1,id2,score)")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandSupport.guarded(spec.commandLine().getErr(), () -> {
            LinkageConfig cfg = LinkageConfig.load(config);
            CsvTable table = CsvTable.read(input, cfg.columns());
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < table.rows().size(); i++) {
                String id = table.rows().get(i).get(cfg.idColumn());
                if (id == null || id.isBlank()) {
                    throw new IllegalArgumentException(input.getFileName() + ": row " + (i + 1) + " has no value in id column '"
                            + cfg.idColumn() + "'");
                }
                if (!ids.add(id)) {
                    throw new IllegalArgumentException(input.getFileName() + ": row " + (i + 1)
                            + " repeats an id of an earlier row (column '" + cfg.idColumn() + "')");
                }
            }
            LinkageEngine engine = new LinkageEngine(cfg);
            List<ScoredPair> pairs = engine.dedupe(table.rows());
            CommandSupport.writeCsv(output, List.of("id1", "id2", "score"), out -> {
                for (ScoredPair p : pairs) {
                    out.printRecord(p.id1(), p.id2(), String.format(Locale.ROOT, "%.4f", p.score()));
                }
            });
            spec.commandLine().getOut().printf("%d records, %d candidate pairs, %d pairs judged the same%n",
                    table.rows().size(), engine.lastStats().candidatePairs(), pairs.size());
            return 0;
        });
    }
}
