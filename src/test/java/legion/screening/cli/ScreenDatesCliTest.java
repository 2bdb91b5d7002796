package legion.screening.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import legion.LegionApplication;

/**
 * {@code screen} through the real command line (a JVM of its own, as {@code java -jar legion.jar screen} runs it):
 * dates of birth as real extracts write them — years, year-months, unpadded months and days — are used; a value that
 * is no date counts as missing for its row and all such rows are named in one warning; the file never fails for one
 * cell. The watchlist's own dates get the same tolerance.
 */
class ScreenDatesCliTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run screen(Path list, Path people, Path hits) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LegionApplication.class.getName(), "screen",
                "--list", "un=" + list, "--input", people.toString(), "--output", hits.toString()));
        Path out = dir.resolve("stdout-" + System.nanoTime());
        Path err = dir.resolve("stderr-" + System.nanoTime());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Path resource(String name) {
        try {
            return Path.of(ScreenDatesCliTest.class.getClassLoader().getResource("screening/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The score of each hit by output row number. */
    static Map<Integer, String> scores(Path hits) throws IOException {
        Map<Integer, String> scores = new HashMap<>();
        for (String line : Files.readAllLines(hits).subList(1, Files.readAllLines(hits).size())) {
            String[] f = line.split(",");
            scores.put(Integer.parseInt(f[0]), f[f.length - 1]);
        }
        return scores;
    }

    @Test
    void acceptsPartialAndUnpaddedDatesAndWarnsOnceAboutTheRest() throws Exception {
        Path people = dir.resolve("people.csv");
        Files.writeString(people, "full_name,date_of_birth\n"
                + "Hafiz Muhamad Saeed,1950-06-05\n"   // 1 the listed day
                + "Hafiz Muhamad Saeed,1950-6-5\n"     // 2 the same day, unpadded
                + "Hafiz Muhamad Saeed,1950\n"         // 3 the year
                + "Hafiz Muhamad Saeed,1950-6\n"       // 4 a year-month, unpadded
                + "Hafiz Muhamad Saeed,1974-01-32\n"   // 5 no date: as if missing
                + "Hafiz Muhamad Saeed,\n"             // 6 missing
                + "Hafiz Muhamad Saeed,1969-13\n"      // 7 no date
                + "Hafiz Muhamad Saeed,31/12/1950\n"   // 8 not a form we read
                + "Hafiz Muhamad Saeed,1960\n", StandardCharsets.UTF_8); // 9 another year
        Path hits = dir.resolve("hits.csv");

        Run run = screen(resource("un-extract.xml"), people, hits);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.contains("warning")).toList()).containsExactly(
                "warning: date_of_birth is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD) in 3 rows, "
                        + "screened without it: row 5, 7, 8");
        assertThat(run.err()).doesNotContain("1974-01-32").doesNotContain("31/12/1950");
        assertThat(run.out()).contains("9 people screened");
        Map<Integer, String> s = scores(hits);
        // another birth year than the listed one lowers the score under the threshold: no hit for row 9
        assertThat(s).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(s.get(2)).isEqualTo(s.get(1));
        assertThat(s.get(4)).isEqualTo(s.get(3));
        assertThat(s.get(5)).isEqualTo(s.get(6)).isEqualTo(s.get(7)).isEqualTo(s.get(8));
        // the listed day counts more than the year, the year more than nothing
        assertThat(s.get(1)).isEqualTo("0.9863");
        assertThat(s.get(3)).isEqualTo("0.9794");
        assertThat(s.get(6)).isEqualTo("0.9726");
    }

    @Test
    void aWatchlistWithPartialOrBadDatesStillLoads() throws Exception {
        String original = Files.readString(resource("un-extract.xml"));
        assertThat(original).contains("<DATE>1950-06-05</DATE>").contains("<YEAR>1971</YEAR>");
        Path unpadded = dir.resolve("unpadded.xml");
        Files.writeString(unpadded, original.replace("<DATE>1950-06-05</DATE>", "<DATE>1950-6-5</DATE>"));
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, original.replace("<DATE>1950-06-05</DATE>", "<DATE>1950-06-32</DATE>")
                .replace("<YEAR>1971</YEAR>", "<YEAR>19x1</YEAR>"));
        Path people = dir.resolve("people.csv");
        Files.writeString(people, "full_name,date_of_birth\nHafiz Muhamad Saeed,1950-06-05\nHafiz Muhamad Saeed,\n");

        Path fromOriginal = dir.resolve("a.csv");
        Path fromUnpadded = dir.resolve("b.csv");
        Path fromBroken = dir.resolve("c.csv");
        assertThat(screen(resource("un-extract.xml"), people, fromOriginal).exit()).isZero();
        assertThat(screen(unpadded, people, fromUnpadded).exit()).isZero();
        Run brokenRun = screen(broken, people, fromBroken);
        assertThat(brokenRun.exit()).as(brokenRun.err()).isZero();

        assertThat(scores(fromUnpadded)).isEqualTo(scores(fromOriginal));
        // a listed date that is no date qualifies nothing: the person with the day scores as the one without
        Map<Integer, String> b = scores(fromBroken);
        assertThat(b.get(1)).isEqualTo(b.get(2)).isEqualTo(scores(fromOriginal).get(2));
    }
}
