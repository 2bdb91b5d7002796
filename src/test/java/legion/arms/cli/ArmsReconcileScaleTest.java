package legion.arms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * 15,000 journal rows against a 20,000-weapon register in under 60 s: ten copies of the shared sample, the digits of
 * every serial of copy k renamed by the k-th permutation of 0-9 (fixed seed), in register and journal alike. Renaming
 * digits keeps every edit distance, so each copy's expected findings are the sample's own. The machine running the
 * tests is shared, so the budget is checked on the CPU time the process used (all its threads): under 60 s of CPU is
 * under 60 s on two cores however busy they are with other work.
 */
class ArmsReconcileScaleTest {

    private static final int COPIES = 10;

    @TempDir
    Path dir;

    @Test
    void fifteenThousandJournalRowsAgainstTwentyThousandWeaponsInUnderAMinute() throws IOException {
        List<String> register = lines("register-sample.csv");
        List<String> journal = lines("journal-sample.csv");
        List<String> expected = lines("journal-sample-expected.csv");
        Random random = new Random(20260301L);
        List<String> bigRegister = new ArrayList<>(List.of(register.get(0)));
        List<String> bigJournal = new ArrayList<>(List.of(journal.get(0)));
        List<String> bigExpected = new ArrayList<>();
        for (int k = 0; k < COPIES; k++) {
            char[] digits = permutation(random);
            for (String row : register.subList(1, register.size())) {
                bigRegister.add(renameSerial(row, digits));
            }
            for (int i = 1; i < journal.size(); i++) {
                bigJournal.add(renameSerial(journal.get(i), digits));
                String[] e = expected.get(i).split(",", -1);
                bigExpected.add(e[1] + "," + rename(e[2], digits));
            }
        }
        assertThat(bigRegister).hasSize(20_001);
        assertThat(bigJournal).hasSize(15_001);
        Path reg = Files.write(dir.resolve("register.csv"), bigRegister, StandardCharsets.UTF_8);
        Path jr = Files.write(dir.resolve("journal.csv"), bigJournal, StandardCharsets.UTF_8);
        Path out = dir.resolve("findings.csv");

        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        int code = new CommandLine(new ArmsReconcileCommand()).setErr(new PrintWriter(new StringWriter()))
                .setOut(new PrintWriter(new StringWriter()))
                .execute("--register", reg.toString(), "--journal", jr.toString(), "--output", out.toString());
        long cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1_000_000_000L;

        assertThat(code).isZero();
        assertThat(cpuSeconds).isLessThan(60);
        List<String> got = Files.readAllLines(out);
        int right = 0;
        for (int i = 0; i < bigExpected.size(); i++) {
            String[] g = got.get(i + 1).split(",", -1);
            if ((g[1] + "," + g[2]).equals(bigExpected.get(i))) {
                right++;
            }
        }
        assertThat(right / (double) bigExpected.size()).isGreaterThanOrEqualTo(0.98);
    }

    private static char[] permutation(Random random) {
        List<Character> d = new ArrayList<>();
        for (char c = '0'; c <= '9'; c++) {
            d.add(c);
        }
        Collections.shuffle(d, random);
        char[] out = new char[10];
        for (int i = 0; i < 10; i++) {
            out[i] = d.get(i);
        }
        return out;
    }

    /** The serial is the first cell in both files and never quoted in the sample. */
    private static String renameSerial(String row, char[] digits) {
        int comma = row.indexOf(',');
        return rename(row.substring(0, comma), digits) + row.substring(comma);
    }

    private static String rename(String serial, char[] digits) {
        StringBuilder sb = new StringBuilder(serial.length());
        for (char c : serial.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? digits[c - '0'] : c);
        }
        return sb.toString();
    }

    private static List<String> lines(String name) throws IOException {
        try {
            return Files.readAllLines(Path.of(ArmsReconcileScaleTest.class.getClassLoader()
                    .getResource("arms/" + name).toURI()), StandardCharsets.UTF_8);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
