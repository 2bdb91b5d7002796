package legion.parole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ParoleScreenCommandTest {

    private static final String HEADER = "id,offences,sentence_end,life_sentence,especially_responsible_post\n";

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    /** 2024-06-30 at 22:30 UTC is already 1 July in Kyiv: the day of the shared sample's expected verdicts. */
    private final Clock clock = Clock.fixed(Instant.parse("2024-06-30T22:30:00Z"), ZoneOffset.UTC);

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ParoleScreenCommand(clock.withZone(ParoleScreenCommand.LEGAL_ZONE)));
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    private static Path resource(String name) {
        try {
            return Path.of(ParoleScreenCommandTest.class.getClassLoader().getResource("parole/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void judgesTheSharedSampleExactly() throws IOException {
        Path verdicts = dir.resolve("verdicts.csv");
        assertThat(run("--input", resource("convicts-sample.csv").toString(), "--output", verdicts.toString(),
                "--as-of", "2024-07-01")).isZero();
        // byte for byte, CRLF line ends included
        assertThat(Files.readString(verdicts)).isEqualTo(Files.readString(resource("convicts-sample-expected.csv")));
        assertThat(out.toString()).contains("60 convicts judged as of 2024-07-01");
    }

    @Test
    void judgesTodayInKyivFromTheClockWithoutAsOf() throws IOException {
        Path verdicts = dir.resolve("verdicts.csv");
        assertThat(run("--input", resource("convicts-sample.csv").toString(), "--output", verdicts.toString()))
                .isZero();
        assertThat(Files.readAllLines(verdicts)).isEqualTo(Files.readAllLines(resource("convicts-sample-expected.csv")));
    }

    @Test
    void anotherDayGivesOtherVerdicts() throws IOException {
        Path in = write("c.csv", HEADER + "A,185:1,2027-07-02,false,false\nB,185:1,2024-07-02,,\n");
        Path verdicts = dir.resolve("v.csv");
        assertThat(run("--input", in.toString(), "--output", verdicts.toString(), "--as-of", "2024-07-02")).isZero();
        assertThat(Files.readAllLines(verdicts)).containsExactly("id,outcome,eligible_from,rules",
                "A,ELIGIBLE,,", "B,NOT_ELIGIBLE,,NO_SENTENCE_LEFT");
    }

    @Test
    void invalidRowsNameTheirReasonAndTheOthersAreStillJudged() throws IOException {
        Path in = write("c.csv", HEADER
                + "A,11x;115:1,2026-01-01,false,false\n"
                + "B,185:1,2026-13-01,false,false\n"
                + "C,185:1,2026-01-01,false,false\n"
                + "D,185:1,,false,false\n"
                + "E,185:1,2026-01-01,ja,\n"
                + "F,185:1,2026-01-01\n"
                + "G,,2026-01-01,false,false\n"
                + "H,ст. 115 ч. 2 п. 1 ; ст. 258,2040-02-29,false,false\n");
        Path verdicts = dir.resolve("v.csv");
        assertThat(run("--input", in.toString(), "--output", verdicts.toString(), "--as-of", "2024-07-01"))
                .isEqualTo(1);
        assertThat(Files.readAllLines(verdicts)).containsExactly("id,outcome,eligible_from,rules",
                "A,INVALID,,UNREADABLE_OFFENCE(11x)",
                "B,INVALID,,UNREADABLE_SENTENCE_END(2026-13-01)",
                "C,ELIGIBLE,,",
                "D,INVALID,,MISSING_SENTENCE_END",
                "E,INVALID,,UNREADABLE_LIFE_SENTENCE(ja)",
                "F,INVALID,,MALFORMED_ROW(3 fields)",
                "G,INVALID,,NO_OFFENCE",
                "H,NOT_ELIGIBLE,,EXCLUDED_OFFENCE(115:2.1);EXCLUDED_OFFENCE(258);REMAINING_TERM");
        assertThat(err.toString()).contains("6 row(s) INVALID, first at data row 1");
    }

    @Test
    void readsColumnsByNameInAnyOrderWithAByteOrderMarkAndQuotedCells() throws IOException {
        Path in = write("c.csv", "\uFEFFespecially_responsible_post,life_sentence,sentence_end,offences,id\n"
                + "false,false,2028-02-29,\"ст. 121 ч. 1; 185:2\",X1\n");
        Path verdicts = dir.resolve("v.csv");
        assertThat(run("--input", in.toString(), "--output", verdicts.toString(), "--as-of", "2024-07-01")).isZero();
        assertThat(Files.readAllLines(verdicts)).containsExactly("id,outcome,eligible_from,rules",
                "X1,ELIGIBLE_FROM,2025-02-28,REMAINING_TERM");
    }

    @Test
    void unusableFilesAndOptionsAreClearErrorsWithExitTwoAndWriteNothing() throws IOException {
        Path verdicts = dir.resolve("v.csv");
        assertThat(run("--input", dir.resolve("missing.csv").toString(), "--output", verdicts.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("input file not found");

        Path noColumn = write("a.csv", "id,offences,sentence_end,life_sentence\nA,185:1,2026-01-01,false\n");
        assertThat(run("--input", noColumn.toString(), "--output", verdicts.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing required column 'especially_responsible_post'");

        Path broken = write("b.csv", HEADER + "A,\"185:1,2026-01-01,false,false\n");
        assertThat(run("--input", broken.toString(), "--output", verdicts.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("malformed CSV");

        Path empty = write("e.csv", "");
        assertThat(run("--input", empty.toString(), "--output", verdicts.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no header row");

        Path good = write("g.csv", HEADER + "A,185:1,2026-01-01,false,false\n");
        assertThat(run("--input", good.toString(), "--output", verdicts.toString(), "--as-of", "1.7.2024"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--as-of must be a date as YYYY-MM-DD");

        assertThat(run("--input", good.toString(), "--output", dir.resolve("no/such/dir/v.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("output directory does not exist");

        assertThat(run("--input", good.toString())).isEqualTo(2); // picocli: --output missing
        assertThat(Files.exists(verdicts)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void judgesAHundredThousandConvictsInUnderTenSeconds() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> offences = List.of("ст. 115 ч. 2 п. 6", "121:2;185:4", "286-1:4", "ст. 258-1", "115:1;190:3",
                "ст. 121 ч. 1 ;ст. 185 ч. 2;ст. 189 ч. 1");
        for (int i = 0; i < 100_000; i++) {
            csv.append('C').append(i).append(',').append('"').append(offences.get(i % offences.size())).append('"')
                    .append(',').append(2024 + i % 12).append("-0").append(1 + i % 9).append('-').append(10 + i % 19)
                    .append(',').append(i % 97 == 0).append(',').append(i % 89 == 0 ? "true" : "").append('\n');
        }
        Path in = write("big.csv", csv.toString());
        Path verdicts = dir.resolve("v.csv");
        // CPU time of this thread (the command runs in it): the machine is shared, wall time says more about the others
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        assertThat(run("--input", in.toString(), "--output", verdicts.toString(), "--as-of", "2024-07-01")).isZero();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        System.out.println("parole-screen: 100,000 convicts in " + millis + " ms wall, " + cpuMillis + " ms CPU");
        assertThat(Files.readAllLines(verdicts)).hasSize(100_001);
        assertThat(cpuMillis).as("CPU milliseconds for 100,000 convicts").isLessThan(10_000);
    }
}
