package legion.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The evidence's numbers are written as {@code String.format} wrote them before it was replaced for speed. */
class LinkerDecimalTest {

    @Test
    void writesNumbersAsFormatterDoes() {
        assertThat(Linker.decimal(0.0, 2, false)).isEqualTo("0.00");
        assertThat(Linker.decimal(1.0, 2, false)).isEqualTo("1.00");
        assertThat(Linker.decimal(0.875, 2, false)).isEqualTo("0.88");
        assertThat(Linker.decimal(0.07, 2, false)).isEqualTo("0.07");
        assertThat(Linker.decimal(3.25, 1, true)).isEqualTo("+3.3");
        assertThat(Linker.decimal(-3.25, 1, true)).isEqualTo("-3.3");
        assertThat(Linker.decimal(-0.04, 1, true)).isEqualTo(String.format(Locale.ROOT, "%+.1f", -0.04));
        assertThat(Linker.decimal(12.0, 1, true)).isEqualTo("+12.0");
    }

    @Test
    void agreesWithFormatterAwayFromRoundingEdges() {
        Random random = new Random(42);
        int compared = 0;
        for (int i = 0; i < 200_000; i++) {
            double v = (random.nextDouble() - 0.5) * 40;
            for (int places = 1; places <= 2; places++) {
                if (nearEdge(v, places)) {
                    continue; // a half at the last place: binary doubles may round either way there
                }
                String pattern = places == 1 ? "%+.1f" : "%.2f";
                assertThat(Linker.decimal(v, places, places == 1))
                        .as("%s with %d places", v, places)
                        .isEqualTo(String.format(Locale.ROOT, pattern, v));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(390_000);
    }

    private static boolean nearEdge(double v, int places) {
        BigDecimal scaled = new BigDecimal(Math.abs(v)).movePointRight(places);
        BigDecimal frac = scaled.subtract(new BigDecimal(scaled.toBigInteger()));
        return frac.subtract(new BigDecimal("0.5")).abs().compareTo(new BigDecimal("1e-6")) < 0;
    }
}
