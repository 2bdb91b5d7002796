package legion.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The figure mechanism every program's report uses: suppression, SVG, CSV. */
class FiguresTest {

    private final Figure figure = Figure.counts("per-day", "Applications <per> day", "Day", List.of("GB", "PL, PT"),
            List.of(new Figure.Row("2026-12-01", List.of(Figure.Cell.count(3), Figure.Cell.count(7))),
                    new Figure.Row("=HYPERLINK(\"x\")", List.of(Figure.Cell.count(0), Figure.Cell.count(12)))));

    @Test
    void smallCellsAreNeitherDrawnNorWritten() {
        assertThat(Figures.csv(figure)).isEqualTo("Day,GB,\"PL, PT\"\r\n2026-12-01,<5,7\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",0,12\r\n");
        assertThat(Figures.table(figure)).containsExactly(List.of("2026-12-01", "<5", "7"),
                List.of("=HYPERLINK(\"x\")", "0", "12"));
        String svg = Figures.svg(figure);
        // bars: the legend's two squares, then one bar for 7 and one for 12; none for the suppressed 3 nor for 0
        assertThat(Pattern.compile("<rect ").matcher(svg).results().count()).isEqualTo(4);
        assertThat(svg).contains(">&lt;5</text>").doesNotContain(">3</text>");
    }

    @Test
    void theSvgIsAnImageWithItsTitleAndNoScript() {
        String svg = Figures.svg(figure);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("role=\"img\"")
                .contains("aria-labelledby=\"per-day-title\"")
                .contains("<title id=\"per-day-title\">Applications &lt;per&gt; day</title>")
                .doesNotContainIgnoringCase("<script").doesNotContain("<per>");
    }

    @Test
    void hoursFromFewCasesAreSuppressedAndTheReferenceIsDrawn() {
        Figure hours = new Figure("time-in-stage", "Time", "Embassy", List.of("p50", "p90"),
                List.of(new Figure.Row("GB", List.of(new Figure.Cell(30.25, 12), new Figure.Cell(70, 12))),
                        new Figure.Row("PL", List.of(new Figure.Cell(5, 2), new Figure.Cell(9, 2)))),
                Figure.Unit.HOURS, 48.0, "Service level: 48 hours");
        assertThat(Figures.csv(hours)).isEqualTo("Embassy,p50,p90\r\nGB,30.3,70.0\r\nPL,<5,<5\r\n");
        assertThat(Figures.svg(hours)).contains("class=\"reference\"").contains("Service level: 48 hours");
    }

    @Test
    void aFigureRefusesRowsThatDoNotFitItsSeries() {
        assertThatThrownBy(() -> Figure.counts("x", "t", "r", List.of("a", "b"),
                List.of(new Figure.Row("1", List.of(Figure.Cell.count(1)))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Figure.counts("X Y", "t", "r", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
