package legion.arms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ArmsReconcileCommandTest {

    private static final String REGISTER_HEADER =
            "serial,make,model,calibre,holder_id,surname,given_names,patronymic,date_of_birth,issued_at,point\n";
    private static final String JOURNAL_HEADER =
            "serial,make,surname,given_names,patronymic,date_of_birth,holder_id,issued_at,point\n";

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ArmsReconcileCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    private static Path resource(String name) {
        try {
            return Path.of(ArmsReconcileCommandTest.class.getClassLoader().getResource("arms/" + name).toURI());
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
    void reconcilesTheSharedSampleAtLeast98PercentRight() throws IOException {
        Path out = dir.resolve("findings.csv");

        int code = run("--register", resource("register-sample.csv").toString(),
                "--journal", resource("journal-sample.csv").toString(), "--output", out.toString());

        assertThat(code).isZero();
        List<String> got = Files.readAllLines(out);
        List<String> expected = Files.readAllLines(resource("journal-sample-expected.csv"));
        assertThat(got.get(0)).isEqualTo("journal_row,finding,register_serial,score");
        assertThat(got).hasSize(expected.size());
        int right = 0;
        for (int i = 1; i < expected.size(); i++) {
            String[] g = got.get(i).split(",", -1);
            String[] e = expected.get(i).split(",", -1);
            assertThat(g[0]).isEqualTo(Integer.toString(i));
            assertThat(Double.parseDouble(g[3])).isBetween(0.0, 1.0);
            if (g[1].equals(e[1]) && g[2].equals(e[2])) {
                right++;
            }
        }
        assertThat(right / (double) (expected.size() - 1)).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void writesOneFindingPerJournalRowInOrder() throws IOException {
        Path register = write("r.csv", REGISTER_HEADER
                + "ВД 7914,АКМ,АКМ,7.62x39,ТТ358907,Павленко,Ігор,Володимирович,1969-07-07,2022-02-27,ODESA-TDF-122\n");
        Path journal = write("j.csv", JOURNAL_HEADER
                + "BД7914,AKM,Pavlenko,Ihor,,07.07.1969,,2022-02-27,ODESA-TDF-122\n"
                + "BД7915,AKM,Pawlenko,Igor,,,,,\n"
                + "ВД 7914,АКМ,Шевчук,Тарас,,1975-06-30,,,\n"
                + "0000001,AKM,,,,,,,\n");
        Path out = dir.resolve("f.csv");

        assertThat(run("--register", register.toString(), "--journal", journal.toString(), "--output", out.toString()))
                .isZero();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("1,MATCHED,ВД 7914,");
        assertThat(lines.get(2)).startsWith("2,SERIAL_CORRECTED,ВД 7914,");
        assertThat(lines.get(3)).startsWith("3,OTHER_HOLDER,ВД 7914,");
        assertThat(lines.get(4)).isEqualTo("4,UNKNOWN_SERIAL,,0.0000");
    }

    @Test
    void badInputIsNamedByFileRowAndColumnWithoutItsValueAndExitsNonZero() throws IOException {
        Path register = write("r.csv", REGISTER_HEADER + "1234567,АКМ,АКМ,7.62x39,,Павленко,Ігор,,,,\n");
        Path out = dir.resolve("f.csv");

        Path badDate = write("j1.csv", JOURNAL_HEADER + "1234567,АКМ,Павленко,Ігор,,1969-07-07,,,\n"
                + "1234567,АКМ,Secret,Person,,7 July 1969,,,\n");
        assertThat(run("--register", register.toString(), "--journal", badDate.toString(), "--output", out.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("j1.csv: row 2, column date_of_birth: not a date")
                .doesNotContain("July").doesNotContain("Secret");

        Path noSerial = write("j2.csv", JOURNAL_HEADER + "1234567,АКМ,,,,,,,\n , АКМ,Secret,,,,,,\n");
        assertThat(run("--register", register.toString(), "--journal", noSerial.toString(), "--output", out.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("j2.csv: row 2, column serial: empty");

        Path noColumn = write("j3.csv", "serial,make,surname\n1234567,АКМ,Павленко\n");
        assertThat(run("--register", register.toString(), "--journal", noColumn.toString(), "--output", out.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("j3.csv: missing required column 'given_names'");

        Path tooManyCells = write("j4.csv", JOURNAL_HEADER + "1234567,АКМ,Павленко,Ігор,,,,,,extra\n");
        assertThat(run("--register", register.toString(), "--journal", tooManyCells.toString(), "--output",
                out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("j4.csv: row 1 has 10 cells, the header has 9");

        Path unbalanced = write("j5.csv", JOURNAL_HEADER + "1234567,АКМ,\"Secret,Ігор,,,,,\n");
        assertThat(run("--register", register.toString(), "--journal", unbalanced.toString(), "--output",
                out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("j5.csv: malformed CSV").doesNotContain("Secret");

        Path badRegisterDate = write("r2.csv", REGISTER_HEADER + "1234567,АКМ,АКМ,7.62x39,,Павленко,Ігор,,1969/07/07,,\n");
        assertThat(run("--register", badRegisterDate.toString(), "--journal", badDate.toString(), "--output",
                out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("r2.csv: row 1, column date_of_birth: not a date");

        assertThat(run("--register", dir.resolve("none.csv").toString(), "--journal", badDate.toString(), "--output",
                out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("file not found");

        assertThat(run("--register", register.toString(), "--journal", write("e.csv", "").toString(), "--output",
                out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("e.csv: empty file");

        assertThat(run("--register", register.toString(), "--journal", badDate.toString(), "--output",
                dir.resolve("no/such/dir/f.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("output directory does not exist");

        assertThat(run("--register", register.toString())).isEqualTo(2); // picocli: missing options
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void impossibleButWellShapedDatesAreTypingErrorsNotBadInput() throws IOException {
        Path register = write("r.csv", REGISTER_HEADER
                + "1234567,АКМ,АКМ,7.62x39,,Павленко,Ігор,Петрович,1969-07-07,2022-02-27,X\n");
        Path journal = write("j.csv", JOURNAL_HEADER + "1234567,АКМ,Павленко,Ігор,Петрович,1969-17-07,,,\n");
        Path out = dir.resolve("f.csv");
        assertThat(run("--register", register.toString(), "--journal", journal.toString(), "--output", out.toString()))
                .isZero();
        assertThat(Files.readAllLines(out).get(1)).startsWith("1,MATCHED,1234567,");
    }
}
