package legion.screening;

import static legion.screening.WatchlistsTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import legion.screening.internal.CsvTable;

class LinkageTest {

    private static final LinkageConfig FEBRL = LinkageConfig.load(Path.of("bench/febrl.yml"));
    private static final LinkageConfig APPLICANTS = LinkageConfig.fromClasspath("screening/applicants.yml");

    @Test
    void findsTheInjectedDuplicatesOfAFebrlExtract() {
        List<Map<String, String>> rows = CsvTable.read(resource("febrl-extract.csv"), FEBRL.columns()).rows();

        List<ScoredPair> pairs = new LinkageEngine(FEBRL).dedupe(rows);

        assertThat(pairs).isNotEmpty().allSatisfy(p -> {
            assertThat(p.id1().split("-")[1]).isEqualTo(p.id2().split("-")[1]);
            assertThat(p.score()).isGreaterThanOrEqualTo(FEBRL.threshold());
        });
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(9); // of the 10 true pairs
    }

    @Test
    void preparedOnceInABatchScoresAsComparingTheRecords() {
        LinkageEngine engine = new LinkageEngine(APPLICANTS);
        List<Map<String, String>> records = List.of(
                applicant("A", "Олександр", "Шевченко", "1985-04-07", "UA", "FX123456", ""),
                applicant("B", "Oleksandr", "Shevchenko", "1985-07-04", "UA", "GK654321", ""),
                applicant("C", "Олександр", "Шевченко", "", "UA", "", ""),
                applicant("D", "John", "Smith", "1985-04-07", "GB", "AA111111", "john@example.org"));

        List<LinkageEngine.Prepared> prepared = engine.prepareAll(records);

        assertThat(prepared).hasSize(4);
        for (int i = 0; i < records.size(); i++) {
            for (int j = 0; j < records.size(); j++) {
                assertThat(engine.score(prepared.get(i), prepared.get(j)))
                        .isEqualTo(engine.compare(records.get(i), records.get(j)).score());
            }
        }
        assertThat(engine.score(prepared.get(0), prepared.get(1))).isGreaterThanOrEqualTo(APPLICANTS.threshold());
        assertThat(engine.score(prepared.get(0), prepared.get(3))).isLessThan(APPLICANTS.threshold());
    }

    @Test
    void samePassportIsCertainWhateverElseDiffers() {
        ScoredPair p = new LinkageEngine(APPLICANTS).compare(
                applicant("A", "Arthur Philip", "Dent", "1952-03-11", "GB", "1234567XY", "arthur@example.org"),
                applicant("B", "Someone", "Else", "1990-01-01", "FR", "1234567xy", "else@example.org"));

        assertThat(p.score()).isEqualTo(1.0);
        assertThat(p.reasons()).containsExactly("passport_number identical (certain)");
    }

    @Test
    void transliteratedNameWithSwappedDayAndMonthIsADuplicate() {
        ScoredPair p = new LinkageEngine(APPLICANTS).compare(
                applicant("A", "Олександр", "Шевченко", "1985-04-07", "UA", "FX123456", ""),
                applicant("B", "Oleksandr", "Shevchenko", "1985-07-04", "UA", "GK654321", ""));

        assertThat(p.score()).isGreaterThanOrEqualTo(APPLICANTS.threshold());
        assertThat(p.reasons()).anySatisfy(r -> assertThat(r).startsWith("name"));
    }

    @Test
    void differentPeopleWithACommonSurnameAreNot() {
        ScoredPair p = new LinkageEngine(APPLICANTS).compare(
                applicant("A", "John", "Smith", "1985-04-07", "GB", "AA111111", "john@example.org"),
                applicant("B", "Peter", "Smith", "1971-11-23", "US", "BB222222", "peter@example.org"));

        assertThat(p.score()).isLessThan(APPLICANTS.threshold());
    }

    @Test
    void duplicateIndexProposesEarlierApplicationsWithReasons() {
        DuplicateIndex index = new DuplicateIndex(APPLICANTS);
        index.add(applicant("LGN-1", "Arthur Philip", "Dent", "1952-03-11", "GB", "1234567XY", "arthur@example.org"));
        index.add(applicant("LGN-2", "Ford", "Prefect", "1950-01-01", "GB", "7654321AB", "ford@example.org"));
        index.add(applicant("LGN-3", "Tricia", "McMillan", "1960-05-05", "GB", "1111111CD", "trillian@example.org"));

        List<ScoredPair> candidates = index.candidates(
                applicant("LGN-9", "Artur Philip", "Dent", "1952-11-03", "GB", "9999999ZZ", ""));

        assertThat(index.size()).isEqualTo(3);
        assertThat(candidates).extracting(ScoredPair::id2).containsExactly("LGN-1");
        assertThat(candidates.get(0).id1()).isEqualTo("LGN-9");
        assertThat(candidates.get(0).reasons()).isNotEmpty();
    }

    @Test
    void nameInHanjaFindsTheSamePersonWrittenInLatinThroughItsKoreanReading() {
        DuplicateIndex index = new DuplicateIndex(APPLICANTS);
        index.add(applicant("LGN-1", "Dae-jung", "Kim", "1984-01-08", "KR", "M12345678", ""));
        index.add(applicant("LGN-2", "Dae-jung", "Park", "1984-01-08", "KR", "M87654321", ""));

        // a digit typo in the date: neither the full date nor its skeleton block them, only the name's reading does
        List<ScoredPair> candidates = index.candidates(
                applicant("LGN-9", "大中", "金", "1984-01-03", "KR", "M11112222", ""));

        assertThat(candidates).extracting(ScoredPair::id2).containsExactly("LGN-1");
    }

    @Test
    void rejectsBadConfigurationsWithTheKeyAtFault() {
        assertThatThrownBy(() -> LinkageConfig.parse("id: x\nfields:\n  a:\n    comparator: soundex\nblocking: [[a]]\n", "t.yml"))
                .isInstanceOf(LinkageConfigException.class).hasMessageContaining("unknown comparator 'soundex'");
        assertThatThrownBy(() -> LinkageConfig.parse("id: [unclosed\n", "t.yml"))
                .hasMessageContaining("malformed YAML");
        assertThatThrownBy(() -> LinkageConfig.parse("fields:\n  a:\n    comparator: name\nblocking: [[a]]\n", "t.yml"))
                .hasMessageContaining("'id' is required");
        assertThatThrownBy(() -> LinkageConfig.parse("id: x\nfields:\n  a:\n    comparator: name\nblocking: [[b]]\n", "t.yml"))
                .hasMessageContaining("blocking refers to 'b'");
        assertThatThrownBy(() -> LinkageConfig.parse("id: x\nfields:\n  a:\n    comparator: name\n    m: 0.1\n    u: 0.5\nblocking: [[a]]\n", "t.yml"))
                .hasMessageContaining("0 < u < m < 1");
        assertThatThrownBy(() -> LinkageConfig.parse("id: x\nfields:\n  a:\n    comparator: name\nblocking: [[a:soundex]]\n", "t.yml"))
                .hasMessageContaining("unknown key function");
        assertThatThrownBy(() -> LinkageConfig.parse("id: x\nmax_block_size: 0\nfields:\n  a:\n    comparator: name\nblocking: [[a]]\n", "t.yml"))
                .hasMessageContaining("max_block_size must be at least 1");
        assertThatThrownBy(() -> LinkageConfig.parse("id: x\nmax_candidates: -1\nfields:\n  a:\n    comparator: name\nblocking: [[a]]\n", "t.yml"))
                .hasMessageContaining("max_candidates must be 0");
    }

    static Map<String, String> applicant(String ref, String given, String surname, String dob, String nationality,
                                         String passport, String email) {
        Map<String, String> m = new HashMap<>();
        m.put("reference", ref);
        m.put("given_names", given);
        m.put("surname", surname);
        m.put("date_of_birth", dob);
        m.put("nationality", nationality);
        m.put("passport_number", passport);
        m.put("email", email);
        return m;
    }
}
