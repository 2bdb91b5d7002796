package legion.screening.cli;

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

class ScreeningCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    private static Path resource(String name) {
        try {
            return Path.of(ScreeningCommandsTest.class.getClassLoader().getResource("screening/" + name).toURI());
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
    void matchNamesKeepsRowsAndColumnsAndAddsScoreAndVerdict() throws IOException {
        Path in = write("pairs.csv", "name1,name2,schema,note\n"
                + "Vladimir Putin,Владимир Путин,Person,x\n"
                + "Angela Merkel,Vladimir Putin,Person,y\n");
        Path out = dir.resolve("scores.csv");

        assertThat(run(new MatchNamesCommand(), "--input", in.toString(), "--output", out.toString())).isZero();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("name1,name2,schema,note,score,is_match");
        assertThat(lines.get(1)).startsWith("Vladimir Putin,Владимир Путин,Person,x,").endsWith(",true");
        assertThat(lines.get(2)).startsWith("Angela Merkel,Vladimir Putin,Person,y,").endsWith(",false");
    }

    @Test
    void matchNamesRejectsMissingColumnsFilesAndMalformedCsv() throws IOException {
        Path out = dir.resolve("o.csv");
        assertThat(run(new MatchNamesCommand(), "--input", write("a.csv", "first,second\nA,B\n").toString(),
                "--output", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing required column 'name1'");

        assertThat(run(new MatchNamesCommand(), "--input", dir.resolve("nope.csv").toString(), "--output", out.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not found");

        assertThat(run(new MatchNamesCommand(), "--input",
                write("b.csv", "name1,name2\n\"Secret Person,B\n").toString(), "--output", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("malformed CSV").doesNotContain("Secret");

        assertThat(run(new MatchNamesCommand(), "--input", "x.csv")).isEqualTo(2); // picocli: missing --output
    }

    @Test
    void screenWritesOneLinePerHit() throws IOException {
        Path in = write("people.csv", "full_name,date_of_birth,nationality,gender\n"
                + "Angela Merkel,1954-07-17,DE,female\n"
                + "Hafiz Muhamad Saeed,1950-06-05,Pakistan,male\n");
        Path out = dir.resolve("hits.csv");

        int code = run(new ScreenCommand(), "--list", "un=" + resource("un-extract.xml"),
                "--list", "ofac=" + resource("ofac").resolve("ofac-sample-"), "--input", in.toString(),
                "--output", out.toString());

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("row,full_name,list,list_id,matched_name,score");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("2,Hafiz Muhamad Saeed,un,2833107,HAFIZ MUHAMMAD SAEED,");
    }

    @Test
    void screenRejectsBadListsAndBadRows() throws IOException {
        Path people = write("people.csv", "full_name,date_of_birth\nSomeone Secret,1990-13-45\n");
        Path out = dir.resolve("hits.csv");
        String un = "un=" + resource("un-extract.xml");

        assertThat(run(new ScreenCommand(), "--list", "eu=x.xml", "--input", people.toString(), "--output", out.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown list 'eu'");

        assertThat(run(new ScreenCommand(), "--list", "un", "--input", people.toString(), "--output", out.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("NAME=PATH");

        // one bad date is a warning naming the row, not a failure of the file (PRODUCT.md screen)
        assertThat(run(new ScreenCommand(), "--list", un, "--input", people.toString(), "--output", out.toString()))
                .isZero();
        assertThat(err.toString()).contains("is not a date").contains("in 1 row, screened without it: row 1")
                .doesNotContain("1990-13-45");

        Path noName = write("n.csv", "name\nX\n");
        assertThat(run(new ScreenCommand(), "--list", un, "--input", noName.toString(), "--output", out.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("missing required column 'full_name'");

        Path badXml = write("bad.xml", "<CONSOLIDATED_LIST dateGenerated='x'><INDIVIDUALS>");
        Path ok = write("ok.csv", "full_name\nAnyone\n");
        assertThat(run(new ScreenCommand(), "--list", "un=" + badXml, "--input", ok.toString(), "--output", out.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("malformed XML");

        assertThat(run(new ScreenCommand(), "--list", "ofac=" + dir.resolve("none"), "--input", ok.toString(),
                "--output", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("OFAC list not found");
    }

    @Test
    void dedupeWritesJudgedPairs() throws IOException {
        Path out = dir.resolve("pairs.csv");

        int code = run(new DedupeCommand(), "--config", "bench/febrl.yml", "--input",
                resource("febrl-extract.csv").toString(), "--output", out.toString());

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("id1,id2,score");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(l -> {
            String[] f = l.split(",");
            assertThat(f[0].split("-")[1]).isEqualTo(f[1].split("-")[1]);
        });
    }

    @Test
    void dedupeRejectsBadConfigsAndInputs() throws IOException {
        Path out = dir.resolve("pairs.csv");
        Path input = resource("febrl-extract.csv");

        Path unknown = write("u.yml", "id: rec_id\nfields:\n  surname:\n    comparator: soundex\nblocking: [[surname]]\n");
        assertThat(run(new DedupeCommand(), "--config", unknown.toString(), "--input", input.toString(),
                "--output", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown comparator 'soundex'");

        Path malformed = write("m.yml", "id: rec_id\nfields: [\n");
        assertThat(run(new DedupeCommand(), "--config", malformed.toString(), "--input", input.toString(),
                "--output", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("malformed YAML");

        Path otherColumns = write("o.yml", "id: rec_id\nfields:\n  email:\n    comparator: text\nblocking: [[email]]\n");
        assertThat(run(new DedupeCommand(), "--config", otherColumns.toString(), "--input", input.toString(),
                "--output", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing required column 'email'");

        Path duplicateIds = write("d.csv", "rec_id,given_name,surname\nr1,A,B\nr1,C,D\n");
        Path small = write("s.yml", "id: rec_id\nfields:\n  name:\n    columns: [given_name, surname]\n"
                + "    comparator: name\nblocking: [[name:tokens]]\n");
        assertThat(run(new DedupeCommand(), "--config", small.toString(), "--input", duplicateIds.toString(),
                "--output", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("row 2 repeats an id");

        assertThat(run(new DedupeCommand(), "--config", dir.resolve("none.yml").toString(), "--input",
                input.toString(), "--output", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("config file not found");
    }
}
