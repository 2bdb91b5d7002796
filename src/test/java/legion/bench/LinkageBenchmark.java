package legion.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import legion.screening.DuplicateIndex;
import legion.screening.LinkageConfig;
import legion.screening.LinkageEngine;
import legion.screening.ScoredPair;
import legion.screening.internal.CsvTable;
import legion.screening.internal.Linker;

/** The record-linkage half of {@link ScreeningBenchmark}: Febrl quality, duplicate index and dedupe at scale. */
final class LinkageBenchmark {

    private final Path data;

    LinkageBenchmark(Path data) {
        this.data = data;
    }

    // ---------------------------------------------------------------- Febrl

    void febrl() {
        LinkageConfig cfg = LinkageConfig.load(Path.of("bench/febrl.yml"));
        System.out.println("## Record linkage, Febrl datasets (bench/febrl.yml, threshold " + cfg.threshold() + ")");
        for (int ds = 1; ds <= 3; ds++) {
            List<Map<String, String>> rows = CsvTable.read(data.resolve("dedupe/febrl-dataset" + ds + ".csv"),
                    cfg.columns()).rows();
            Set<String> truth = truePairs(rows, "rec_id");
            long t0 = System.nanoTime();
            List<ScoredPair> pairs = new LinkageEngine(cfg).dedupe(rows);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            double[] prf = prf(pairs, truth);
            double[] base = prf(exactBaseline(rows), truth);
            System.out.printf(Locale.ROOT,
                    "  dataset %d (%d records, %d true pairs): P %.4f R %.4f F1 %.4f in %d ms | exact name+dob baseline F1 %.4f (x%.2f)%n",
                    ds, rows.size(), truth.size(), prf[0], prf[1], prf[2], ms, base[2], prf[2] / base[2]);
        }
        System.out.println();
    }

    /** True pairs: records whose id shares N in rec-N-org / rec-N-dup-k. */
    static Set<String> truePairs(List<Map<String, String>> rows, String idColumn) {
        Map<String, List<String>> byEntity = new HashMap<>();
        for (Map<String, String> r : rows) {
            String id = r.get(idColumn);
            byEntity.computeIfAbsent(id.split("-")[1], k -> new ArrayList<>()).add(id);
        }
        Set<String> truth = new HashSet<>();
        for (List<String> ids : byEntity.values()) {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    truth.add(key(ids.get(i), ids.get(j)));
                }
            }
        }
        return truth;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private static double[] prf(List<ScoredPair> pairs, Set<String> truth) {
        int tp = 0;
        for (ScoredPair p : pairs) {
            tp += truth.contains(key(p.id1(), p.id2())) ? 1 : 0;
        }
        double p = pairs.isEmpty() ? 0 : (double) tp / pairs.size();
        double r = truth.isEmpty() ? 0 : (double) tp / truth.size();
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    /** Baseline: records with identical given name, surname and date of birth. */
    private static List<ScoredPair> exactBaseline(List<Map<String, String>> rows) {
        Map<String, List<String>> groups = new HashMap<>();
        for (Map<String, String> r : rows) {
            String k = r.get("given_name").strip() + "|" + r.get("surname").strip() + "|" + r.get("date_of_birth").strip();
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r.get("rec_id"));
        }
        List<ScoredPair> out = new ArrayList<>();
        for (List<String> ids : groups.values()) {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    out.add(new ScoredPair(ids.get(i), ids.get(j), 1.0, List.of()));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- duplicates at scale

    void duplicateIndex(int stored) {
        LinkageConfig cfg = LinkageConfig.fromClasspath("screening/applicants.yml");
        Synthetic synth = new Synthetic(data.resolve("dedupe"), 42);
        DuplicateIndex index = new DuplicateIndex(cfg);
        List<Map<String, String>> sample = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int from = 0; from < stored; from += 50_000) {
            List<Map<String, String>> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(stored, from + 50_000); i++) {
                Map<String, String> a = synth.applicant("LGN-" + i);
                chunk.add(a);
                if (i % (stored / 1000) == 0) {
                    sample.add(a);
                }
            }
            chunk.parallelStream().forEach(index::add); // preparing runs in parallel, the postings update is locked
        }
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        List<Map<String, String>> queries = new ArrayList<>();
        for (Map<String, String> a : sample) {
            queries.add(synth.applicantAgain(a, "NEW-" + a.get("reference")));
            queries.add(synth.applicant("FRESH-" + a.get("reference")));
        }
        long[] times = new long[queries.size()];
        long[] cpu = new long[queries.size()];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int recalled = 0;
        for (int pass = 0; pass < 2; pass++) {
            recalled = 0;
            for (int i = 0; i < queries.size(); i++) {
                Map<String, String> q = queries.get(i);
                long c0 = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                List<ScoredPair> c = index.candidates(q);
                times[i] = System.nanoTime() - s;
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                String ref = q.get("reference");
                if (ref.startsWith("NEW-")) {
                    String original = ref.substring(4);
                    recalled += c.stream().anyMatch(p -> p.id2().equals(original)) ? 1 : 0;
                }
            }
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        // baseline: the same model (with its early exit) against every stored record, timed on a 20,000-record slice
        Linker linker = new Linker(cfg);
        List<Linker.Prepared> slice = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            slice.add(linker.prepare(synth.applicant("S-" + i)));
        }
        long s = System.nanoTime();
        int reached = 0;
        for (Map<String, String> q : queries.subList(0, 20)) {
            Linker.Prepared pq = linker.prepare(q);
            for (Linker.Prepared r : slice) {
                reached += linker.reachesThreshold(pq, r) ? 1 : 0;
            }
        }
        double scanMs = (System.nanoTime() - s) / 1e6 / 20 * stored / slice.size();
        double p99 = times[(int) (times.length * 0.99)] / 1e6;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "## Duplicate candidates (DuplicateIndex, screening/applicants.yml)%n");
        System.out.printf(Locale.ROOT,
                "  %,d stored (built in %.1f s, heap in use %d MB); %d queries (half re-applications with a new passport and a typo or swapped date)%n",
                stored, buildMs / 1000.0, (rt.totalMemory() - rt.freeMemory()) >> 20, queries.size());
        System.out.printf(Locale.ROOT,
                "  p50 %.3f ms, p99 %.3f ms wall (thread CPU p99 %.3f ms); re-applications found %d/%d | linear scan (same model, early exit) estimate %.0f ms per query (x%.0f of our p99; %d matches in the slice)%n%n",
                times[times.length / 2] / 1e6, p99, cpu[(int) (cpu.length * 0.99)] / 1e6, recalled, queries.size() / 2, scanMs, scanMs / p99, reached);
    }

    void dedupe100k() {
        LinkageConfig cfg = LinkageConfig.load(Path.of("bench/febrl.yml"));
        Synthetic synth = new Synthetic(data.resolve("dedupe"), 99);
        List<Map<String, String>> rows = new ArrayList<>(100_000);
        List<Map<String, String>> originals = new ArrayList<>();
        for (int i = 0; i < 80_000; i++) {
            Map<String, String> r = synth.febrl("rec-" + i + "-org");
            rows.add(r);
            originals.add(r);
        }
        for (int k = 0; rows.size() < 100_000; k++) {
            Map<String, String> o = originals.get(synth.random().nextInt(originals.size()));
            String n = o.get("rec_id").split("-")[1];
            rows.add(synth.febrlDuplicate(o, "rec-" + n + "-dup-" + k));
        }
        Set<String> truth = truePairs(rows, "rec_id");
        LinkageEngine engine = new LinkageEngine(cfg);
        long t0 = System.nanoTime();
        List<ScoredPair> pairs = engine.dedupe(rows);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] prf = prf(pairs, truth);
        // baseline: all pairs with the same model and early exit, extrapolated from 2,000,000 pairs
        Linker linker = new Linker(cfg);
        List<Linker.Prepared> prepared = rows.parallelStream().map(linker::prepare).toList();
        long s = System.nanoTime();
        int reached = 0;
        for (int i = 0; i < 2_000_000; i++) {
            reached += linker.reachesThreshold(prepared.get(i % prepared.size()),
                    prepared.get((int) ((i * 7919L + 13) % prepared.size()))) ? 1 : 0;
        }
        double perPair = (System.nanoTime() - s) / 1e9 / 2_000_000;
        double allPairs = perPair * rows.size() * (rows.size() - 1.0) / 2;
        System.out.println("## Dedupe of 100,000 synthetic Febrl-like records (bench/febrl.yml, 20,000 duplicates)");
        System.out.printf(Locale.ROOT,
                "  %.1f s, %,d candidate pairs, %,d judged pairs, P %.4f R %.4f F1 %.4f | all-pairs estimate (same model, early exit) %.0f s (x%.0f; %d sampled matches)%n",
                seconds, engine.lastStats().candidatePairs(), pairs.size(), prf[0], prf[1], prf[2], allPairs,
                allPairs / seconds, reached);
    }

}
