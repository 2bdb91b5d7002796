package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 12: a flood of 20,000 applications of one name and date of birth (a hostile flood, or a very common name)
 * must not make the duplicate search of a new case cost more than about ten times a normal one, nor propose
 * thousands of duplicates, and must not lose a real person's true duplicate. Cost is counted as the stored records
 * compared with the new one ({@link DuplicateIndex.Search#comparisons()}), the work that grows with block size; the
 * configuration is the shipped {@code screening/applicants.yml}.
 * <p>The normal population: 20,000 applicants whose given names and surnames follow Zipf-like frequencies (a few
 * names very common, most rare, as in real registers), born 1962–2007, thirty nationalities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FloodOfOneNameTest {

    static final LinkageConfig APPLICANTS = LinkageConfig.fromClasspath("screening/applicants.yml");
    static final String[] SYLLABLES = {"ka", "ro", "mi", "la", "ne", "to", "vi", "sa", "de", "lu", "ma", "ri", "ko",
            "an", "el", "os", "ta", "be", "ni", "go", "ya", "ze", "pu", "ha"};
    static final String[] COUNTRIES = {"GB", "US", "DE", "CA", "FR", "PL", "NL", "SE", "NO", "DK", "FI", "LV", "LT",
            "EE", "IE", "AU", "NZ", "IT", "ES", "PT", "CZ", "SK", "HR", "RO", "BR", "AR", "CO", "JP", "KR", "GE"};
    static final Map<String, String> FLOOD = Map.of("given_names", "Ivan", "surname", "Petrenko",
            "date_of_birth", "1990-01-01", "nationality", "GB");

    final Random random = new Random(12);
    final List<String> given = pool(400, 2);
    final List<String> surnames = pool(6000, 3);
    final DuplicateIndex index = new DuplicateIndex(APPLICANTS);
    final List<Map<String, String>> people = new ArrayList<>();
    int serial;

    List<String> pool(int n, int syllables) {
        List<String> out = new ArrayList<>();
        Random r = new Random(n);
        while (out.size() < n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < syllables + r.nextInt(2); i++) {
                b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            }
            String name = Character.toUpperCase(b.charAt(0)) + b.substring(1);
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** Zipf-like: index i drawn with weight about 1/(i+1). */
    String zipf(List<String> pool) {
        double u = random.nextDouble();
        int i = (int) Math.floor(Math.pow(pool.size() + 1, u)) - 1;
        return pool.get(Math.min(pool.size() - 1, Math.max(0, i)));
    }

    Map<String, String> applicant() {
        Map<String, String> r = new HashMap<>();
        String g = zipf(given);
        String s = zipf(surnames);
        r.put("reference", "LEG-" + (++serial));
        r.put("given_names", g);
        r.put("surname", s);
        r.put("date_of_birth", String.format(Locale.ROOT, "%04d-%02d-%02d", 1962 + random.nextInt(46),
                1 + random.nextInt(12), 1 + random.nextInt(28)));
        r.put("nationality", COUNTRIES[random.nextInt(COUNTRIES.length)]);
        r.put("passport_number", passport());
        r.put("email", g.toLowerCase(Locale.ROOT) + "." + serial + "@example.org");
        return r;
    }

    String passport() {
        return String.format(Locale.ROOT, "%c%c%07d", (char) ('A' + random.nextInt(26)), (char) ('A' + random.nextInt(26)),
                random.nextInt(10_000_000));
    }

    Map<String, String> flood() {
        Map<String, String> r = new HashMap<>(FLOOD);
        r.put("reference", "LEG-" + (++serial));
        r.put("passport_number", passport());
        r.put("email", "x" + serial + "@example.net");
        return r;
    }

    /** The same person again: a new passport, a typo in the surname, no e-mail. */
    Map<String, String> again(Map<String, String> original) {
        Map<String, String> r = new HashMap<>(original);
        r.put("reference", "LEG-" + (++serial));
        r.put("passport_number", passport());
        String s = r.get("surname");
        r.put("surname", s.substring(0, s.length() - 1) + (s.endsWith("a") ? "o" : "a"));
        r.put("email", "");
        return r;
    }

    double meanComparisons(List<Map<String, String>> probes) {
        return probes.stream().mapToInt(p -> index.search(p).comparisons()).average().orElseThrow();
    }

    boolean finds(Map<String, String> probe, String reference) {
        return index.candidates(probe).stream().anyMatch(p -> p.id2().equals(reference));
    }

    List<Map<String, String>> normalProbes = new ArrayList<>();
    List<Map<String, String>> duplicateProbes = new ArrayList<>();
    double normal;

    @BeforeAll
    void population() {
        for (int i = 0; i < 20_000; i++) {
            Map<String, String> a = applicant();
            people.add(a);
            index.add(a);
        }
        for (int i = 0; i < 500; i++) {
            normalProbes.add(applicant());
        }
        for (int i = 0; i < 200; i++) {
            duplicateProbes.add(again(people.get(i * 97)));
        }
        normal = meanComparisons(normalProbes);
    }

    @Test
    void aFloodOfOneNameCostsEachNewCaseAtMostTenTimesANormalOneAndFindsTheRealDuplicates() {
        long foundBefore = found();
        // a real person with the flood's name and date of birth, before the flood
        Map<String, String> victim = new HashMap<>(FLOOD);
        victim.put("reference", "LEG-VICTIM");
        victim.put("passport_number", "VV1234567");
        victim.put("email", "victim@example.org");
        index.add(victim);
        // a real person sharing the flood's given name and birth year, not its surname
        Map<String, String> namesake = new HashMap<>(FLOOD);
        namesake.put("reference", "LEG-NAMESAKE");
        namesake.put("surname", "Kovalchuk");
        namesake.put("date_of_birth", "1990-03-17");
        namesake.put("passport_number", "NN7654321");
        namesake.put("email", "namesake@example.org");
        index.add(namesake);

        // each flood case is screened as it arrives (searched, then stored), as the screening worker does
        int worst = 0;
        int mostCandidates = 0;
        for (int i = 0; i < 20_000; i++) {
            Map<String, String> f = flood();
            DuplicateIndex.Search s = index.search(f);
            worst = Math.max(worst, s.comparisons());
            mostCandidates = Math.max(mostCandidates, s.candidates().size());
            index.add(f);
        }
        DuplicateIndex.Search next = index.search(flood());
        System.out.printf(Locale.ROOT, "normal %.1f comparisons; the costliest flood case %d; after the flood %d "
                + "(%d blocks over the cap), %d candidates%n", normal, worst, next.comparisons(), next.oversizedBlocks(),
                next.candidates().size());
        assertThat(next.oversizedBlocks()).as("the flood's blocks are over the cap").isPositive();
        assertThat((double) worst).as("the costliest flood case's comparisons against a normal case's mean " + normal)
                .isLessThanOrEqualTo(10 * normal);
        assertThat(mostCandidates).isLessThanOrEqualTo(APPLICANTS.maxCandidates());
        assertThat(meanComparisons(normalProbes)).as("normal cases cost what they did").isLessThanOrEqualTo(normal * 1.5);

        // the real people's duplicates are still found
        Map<String, String> victimAgain = new HashMap<>(victim);
        victimAgain.put("reference", "LEG-VICTIM-2");
        victimAgain.put("passport_number", "VW7777777"); // renewed passport, same e-mail
        assertThat(index.candidates(victimAgain).get(0).id2()).isEqualTo("LEG-VICTIM");
        Map<String, String> namesakeAgain = again(namesake);
        assertThat(finds(namesakeAgain, "LEG-NAMESAKE")).isTrue();
        assertThat(found()).as("duplicates of the normal population found after the flood").isEqualTo(foundBefore);
        assertThat(foundBefore).as("and most of them are found at all").isGreaterThanOrEqualTo(180);
    }

    @Test
    void anEMailAddressOnMoreApplicationsThanABlockIsNoEvidenceButTwoPeopleSharingOneStillCount() {
        DuplicateIndex shared = new DuplicateIndex(APPLICANTS);
        people.forEach(shared::add);
        // a recruiter's address on 300 applications of different people
        for (int i = 0; i < 300; i++) {
            Map<String, String> a = applicant();
            a.put("email", "Recruiter@Example.org");
            shared.add(a);
        }
        int compared = 0;
        for (int i = 0; i < 200; i++) {
            Map<String, String> probe = applicant();
            probe.put("email", "recruiter@example.org");
            Map<String, String> noMail = new HashMap<>(probe);
            noMail.put("email", "");
            DuplicateIndex.Search withAddress = shared.search(probe);
            assertThat(withAddress.candidates()).as("the shared address weighs as no address at all")
                    .isEqualTo(shared.search(noMail).candidates());
            compared += withAddress.comparisons();
        }
        assertThat(compared).isPositive();

        // the same person again with the shared address and a new passport is still found on the rest
        Map<String, String> original = people.get(4242);
        Map<String, String> again = again(original);
        again.put("email", "recruiter@example.org");
        assertThat(shared.candidates(again)).extracting(ScoredPair::id2).contains(original.get("reference"));

        // two people of one household sharing an address: below the block size it counts
        Map<String, String> first = applicant();
        first.put("email", "family@example.org");
        shared.add(first);
        Map<String, String> second = new HashMap<>(first);
        second.put("reference", "LEG-" + (++serial));
        second.put("passport_number", passport());
        second.put("email", "");
        Map<String, String> secondWithAddress = new HashMap<>(second);
        secondWithAddress.put("email", "family@example.org");
        double without = shared.candidates(second).stream().filter(p -> p.id2().equals(first.get("reference")))
                .findFirst().orElseThrow().score();
        double with = shared.candidates(secondWithAddress).stream()
                .filter(p -> p.id2().equals(first.get("reference"))).findFirst().orElseThrow().score();
        assertThat(with).isGreaterThan(without);
    }

    private long found() {
        long n = 0;
        for (int i = 0; i < duplicateProbes.size(); i++) {
            if (finds(duplicateProbes.get(i), people.get(i * 97).get("reference"))) {
                n++;
            }
        }
        return n;
    }
}
