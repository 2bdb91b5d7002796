package legion.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.ibm.icu.text.Transliterator;

import legion.screening.NameMatcher;
import legion.screening.Person;
import legion.screening.Screener;
import legion.screening.Watchlist;
import legion.screening.WatchlistEntry;
import legion.screening.Watchlists;
import legion.screening.internal.CsvTable;
import legion.screening.internal.StringSimilarity;

/**
 * Quality and speed of screening and identity resolution, each beside a naive baseline measured in the same run.
 * Not a unit test. Run (from the project root, about three minutes):
 *
 * <pre>
 * ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx6g -cp target/classes:target/test-classes:$(cat target/cp.txt) legion.bench.ScreeningBenchmark ../shared/testdata
 * </pre>
 */
public final class ScreeningBenchmark {

    private static final double NAIVE_JW_THRESHOLD = 0.9;

    private final Path data;
    private final NameMatcher matcher = new NameMatcher();

    private ScreeningBenchmark(Path data) {
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/testdata");
        ScreeningBenchmark b = new ScreeningBenchmark(data);
        System.out.printf(Locale.ROOT, "Screening and identity resolution benchmark (%s, %d cores, Java %s)%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        b.namePairs();
        b.crossScript();
        LinkageBenchmark linkage = new LinkageBenchmark(data);
        linkage.febrl();
        b.screening();
        linkage.duplicateIndex(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
        linkage.dedupe100k();
    }

    // ---------------------------------------------------------------- names

    /** Lower case, letters and digits only, words in order: what a naive matcher compares. */
    static String simple(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private void namePairs() {
        List<Map<String, String>> rows = CsvTable.read(data.resolve("names/name-pairs.csv"), List.of("name1", "name2"))
                .rows();
        int[] ours = new int[4];
        int[] exact = new int[4];
        int[] naive = new int[4];
        int[] half = new int[4]; // ours on even (dev) and odd rows: [evenOk, evenN, oddOk, oddN]
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            boolean expected = Boolean.parseBoolean(r.get("is_match"));
            boolean person = "Person".equals(r.get("schema"));
            String a = r.get("name1");
            String b = r.get("name2");
            boolean o = matcher.score(a, b) >= NameMatcher.THRESHOLD;
            boolean e = simple(a).equals(simple(b));
            boolean n = StringSimilarity.jaroWinkler(simple(a), simple(b)) >= NAIVE_JW_THRESHOLD;
            tally(ours, person, o == expected);
            tally(exact, person, e == expected);
            tally(naive, person, n == expected);
            if (person) {
                half[(i % 2) * 2] += o == expected ? 1 : 0;
                half[(i % 2) * 2 + 1]++;
            }
        }
        System.out.println("## Name matching (names/name-pairs.csv, threshold " + NameMatcher.THRESHOLD + ")");
        row("accuracy, Person pairs (" + ours[1] + ")", ratio(ours[0], ours[1]), "exact", ratio(exact[0], exact[1]),
                "JW>=0.9", ratio(naive[0], naive[1]));
        row("accuracy, all pairs (" + ours[3] + ")", ratio(ours[2], ours[3]), "exact", ratio(exact[2], exact[3]),
                "JW>=0.9", ratio(naive[2], naive[3]));
        System.out.printf(Locale.ROOT, "  Person accuracy on even rows %.3f, odd rows %.3f (no per-half tuning)%n%n",
                ratio(half[0], half[1]), ratio(half[2], half[3]));
    }

    private static void tally(int[] t, boolean person, boolean ok) {
        if (person) {
            t[0] += ok ? 1 : 0;
            t[1]++;
        }
        t[2] += ok ? 1 : 0;
        t[3]++;
    }

    private void crossScript() throws Exception {
        int ours = 0;
        int naive = 0;
        int total = 0;
        List<String> failed = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("names/cross-script-pairs.csv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            double min = Double.parseDouble(f[2]);
            total++;
            double s = matcher.score(f[0], f[1]);
            if (s >= min) {
                ours++;
            } else {
                failed.add(String.format(Locale.ROOT, "%s/%s %.2f<%.2f", f[0], f[1], s, min));
            }
            naive += StringSimilarity.jaroWinkler(simple(f[0]), simple(f[1])) >= min ? 1 : 0;
        }
        System.out.println("## Cross-script pairs (names/cross-script-pairs.csv)");
        System.out.printf(Locale.ROOT, "  at or above minimum score: %d/%d (naive JW on raw text: %d/%d)%n", ours, total,
                naive, total);
        System.out.println("  below: " + failed + "\n");
    }

    // ---------------------------------------------------------------- screening

    private void screening() {
        Watchlist un = Watchlists.loadUn(data.resolve("watchlists/un-consolidated.xml"));
        Watchlist ofac = Watchlists.loadOfac(data.resolve("watchlists/ofac-sdn-snapshot-"));
        long t0 = System.nanoTime();
        Screener both = new Screener(List.of(un, ofac));
        long indexMs = (System.nanoTime() - t0) / 1_000_000;
        Screener unOnly = new Screener(List.of(un));
        List<Person> negatives = negatives();

        // false hits on people who are on no list
        int ours = 0;
        int oursAll = 0;
        for (Person p : negatives) {
            ours += unOnly.screen(p).isEmpty() ? 0 : 1;
            oursAll += both.screen(p).isEmpty() ? 0 : 1;
        }
        List<String[]> unNames = new ArrayList<>();
        for (WatchlistEntry e : un.entries()) {
            for (String n : e.allNames()) {
                unNames.add(new String[] {e.id(), simple(n)});
            }
        }
        int naive = 0;
        long naiveNanos = 0;
        for (Person p : negatives) {
            long s = System.nanoTime();
            naive += naiveHits(unNames, p.fullName()).isEmpty() ? 0 : 1;
            naiveNanos += System.nanoTime() - s;
        }

        // recall on listed people with a typo, swapped order or another script
        Random random = new Random(7);
        List<WatchlistEntry> people = new ArrayList<>(un.entries().stream().filter(WatchlistEntry::individual)
                .filter(e -> e.name().split(" ").length >= 2).toList());
        Collections.shuffle(people, random);
        people = people.subList(0, 300);
        Transliterator toCyrillic = Transliterator.getInstance("Latin-Cyrillic");
        Synthetic synth = new Synthetic(data.resolve("dedupe"), 11);
        String[] kinds = {"typo", "swapped order", "Cyrillic script"};
        int[] found = new int[3];
        int[] naiveFound = new int[3];
        List<Person> positives = new ArrayList<>();
        for (WatchlistEntry e : people) {
            String name = e.name();
            String[] words = name.split(" ");
            List<String> reversed = Arrays.asList(words.clone());
            Collections.reverse(reversed);
            String longest = Arrays.stream(words).max((x, y) -> x.length() - y.length()).orElse(name);
            String[] variants = {name.replace(longest, synth.typo(longest.toLowerCase(Locale.ROOT))),
                    String.join(" ", reversed), toCyrillic.transliterate(name.toLowerCase(Locale.ROOT))};
            for (int k = 0; k < 3; k++) {
                Person p = new Person(variants[k], null, null, null);
                positives.add(p);
                found[k] += both.screen(p).stream().anyMatch(h -> h.list().equals("un") && h.listId().equals(e.id())) ? 1 : 0;
                naiveFound[k] += naiveHits(unNames, variants[k]).contains(e.id()) ? 1 : 0;
            }
        }

        // every listed individual of both lists must find itself under its exact listed name
        int self = 0;
        int individuals = 0;
        for (Watchlist list : List.of(un, ofac)) {
            for (WatchlistEntry e : list.entries()) {
                if (e.individual()) {
                    individuals++;
                    self += both.screen(new Person(e.name(), null, null, null)).stream()
                            .anyMatch(h -> h.list().equals(e.list()) && h.listId().equals(e.id())) ? 1 : 0;
                }
            }
        }

        // speed: every negative and positive person, three passes, the last one measured
        List<Person> all = new ArrayList<>(negatives);
        all.addAll(positives);
        long[] times = new long[all.size()];
        long[] cpu = new long[all.size()];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < all.size(); i++) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                both.screen(all.get(i));
                times[i] = System.nanoTime() - s;
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
            }
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        double naiveMs = naiveNanos / 1e6 / negatives.size();

        System.out.printf(Locale.ROOT, "## Screening (UN %s: %d entries; OFAC %s: %d entries; %d names indexed in %d ms)%n",
                un.version(), un.entries().size(), ofac.version(), ofac.entries().size(), both.indexedNames(), indexMs);
        System.out.printf(Locale.ROOT,
                "  false hits on names/negatives-sample.csv vs UN: %d/%d = %.1f %% (naive JW>=0.9 on names only: %.1f %%); vs UN+OFAC: %.1f %%%n",
                ours, negatives.size(), 100.0 * ours / negatives.size(), 100.0 * naive / negatives.size(),
                100.0 * oursAll / negatives.size());
        System.out.printf(Locale.ROOT, "  listed individuals found under their exact name: %d/%d%n", self, individuals);
        for (int k = 0; k < 3; k++) {
            System.out.printf(Locale.ROOT, "  recall, 300 UN individuals with %s: %.3f (naive JW>=0.9: %.3f)%n", kinds[k],
                    found[k] / 300.0, naiveFound[k] / 300.0);
        }
        System.out.printf(Locale.ROOT,
                "  time per person vs UN+OFAC (%d people): p50 %.3f ms, p99 %.3f ms wall (thread CPU: p50 %.3f ms, p99 %.3f ms) | naive linear JW scan of UN alone: mean %.3f ms (x%.1f of our p50)%n%n",
                all.size(), times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6,
                cpu[cpu.length / 2] / 1e6, cpu[(int) (cpu.length * 0.99)] / 1e6, naiveMs,
                naiveMs / (times[times.length / 2] / 1e6));
    }

    private static Set<String> naiveHits(List<String[]> names, String query) {
        String q = simple(query);
        Set<String> hits = new HashSet<>();
        for (String[] n : names) {
            if (StringSimilarity.jaroWinkler(q, n[1]) >= NAIVE_JW_THRESHOLD) {
                hits.add(n[0]);
            }
        }
        return hits;
    }

    private List<Person> negatives() {
        List<Person> out = new ArrayList<>();
        for (Map<String, String> r : CsvTable.read(data.resolve("names/negatives-sample.csv"), List.of("full_name")).rows()) {
            LocalDate dob = null;
            try {
                dob = LocalDate.parse(r.get("date_of_birth"));
            } catch (DateTimeParseException e) {
                // leave unknown
            }
            out.add(new Person(r.get("full_name"), dob, r.get("nationality"), r.get("gender")));
        }
        return out;
    }

    private static double ratio(int ok, int n) {
        return n == 0 ? 0 : (double) ok / n;
    }

    private static void row(String what, double ours, String b1, double v1, String b2, double v2) {
        System.out.printf(Locale.ROOT, "  %-32s %.3f | baseline %s %.3f (x%.2f), %s %.3f (x%.2f)%n", what, ours, b1, v1,
                ours / v1, b2, v2, ours / v2);
    }
}
