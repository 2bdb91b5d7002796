package legion.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The shapes every program's flow is built in, and the SQL fragments their queries aggregate with, run on H2 in
 * PostgreSQL mode as the application's (the programs' integration tests run them on PostgreSQL too).
 */
class FlowFiguresTest {

    @Test
    void theSqlPercentileIsTheNearestRankAndTheDayIsTheUtcDay() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:flowfigures;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (p varchar(10), a timestamp with time zone, b timestamp with time zone)");
            }
            // place X: 1..10 hours; place Y: 3 hours, once. The start is 23:30 on 1 March in Kyiv, 21:30 UTC.
            OffsetDateTime start = OffsetDateTime.parse("2026-03-01T23:30:00+02:00");
            try (PreparedStatement in = c.prepareStatement("insert into t values (?, ?, ?)")) {
                for (int h = 10; h >= 1; h--) {
                    in.setString(1, "X");
                    in.setObject(2, start);
                    in.setObject(3, start.plusHours(h));
                    in.execute();
                }
                in.setString(1, "Y");
                in.setObject(2, start);
                in.setObject(3, start.plusHours(3));
                in.execute();
            }
            String hours = FlowFigures.seconds("a", "b") + " / 3600.0";
            try (ResultSet r = c.createStatement().executeQuery("select p, count(*), "
                    + FlowFigures.percentile(50, hours) + ", " + FlowFigures.percentile(90, hours) + ", "
                    + "min(" + FlowFigures.utcDay("a") + ") from t group by p order by p")) {
                assertThat(r.next()).isTrue();
                // nearest rank of 10 values: p50 the 5th, p90 the 9th
                assertThat(r.getLong(2)).isEqualTo(10);
                assertThat(r.getDouble(3)).isEqualTo(5.0);
                assertThat(r.getDouble(4)).isEqualTo(9.0);
                assertThat(LocalDate.ofEpochDay(r.getLong(5))).isEqualTo(LocalDate.parse("2026-03-01"));
                assertThat(r.next()).isTrue();
                assertThat(r.getDouble(3)).isEqualTo(3.0);
                assertThat(r.getDouble(4)).isEqualTo(3.0);
            }
            // the end, 1 to 10 hours after 21:30 UTC: 2 on 1 March (UTC), 8 on 2 March
            try (ResultSet r = c.createStatement().executeQuery("select " + FlowFigures.utcDay("b") + ", count(*) "
                    + "from t where p = 'X' group by " + FlowFigures.utcDay("b") + " order by 1")) {
                assertThat(r.next()).isTrue();
                assertThat(LocalDate.ofEpochDay(r.getLong(1))).isEqualTo(LocalDate.parse("2026-03-01"));
                assertThat(r.getLong(2)).isEqualTo(2);
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(2)).isEqualTo(8);
            }
        }
    }

    @Test
    void perDayDrawsTheBusiestPlacesAndSumsTheRestEveryDayARow() {
        LocalDate first = LocalDate.parse("2026-03-01");
        List<FlowFigures.DayCount> counts = new ArrayList<>();
        String[] places = {"A", "B", "C", "D", "E", "F", "G"};
        for (int i = 0; i < places.length; i++) {
            counts.add(new FlowFigures.DayCount(first.toEpochDay(), places[i], 10 + places.length - i));
        }
        // G's 11 and 2 tie with E's 13: the name decides
        counts.add(new FlowFigures.DayCount(first.plusDays(2).toEpochDay(), "G", 2));
        Figure f = FlowFigures.perDay("per-day", new FlowFigures.PerDayTexts("t", "Day", "Others", "All"), first,
                first.plusDays(2), counts);
        assertThat(f.series()).containsExactly("A", "B", "C", "D", "E", "Others");
        assertThat(Figures.table(f)).containsExactly(
                List.of("2026-03-01", "17", "16", "15", "14", "13", "23"),
                List.of("2026-03-02", "0", "0", "0", "0", "0", "0"),
                List.of("2026-03-03", "0", "0", "0", "0", "0", "<5"));
        Figure none = FlowFigures.perDay("per-day", new FlowFigures.PerDayTexts("t", "Day", "Others", "All"), first,
                first, List.of());
        assertThat(none.series()).containsExactly("All");
        assertThat(Figures.table(none)).containsExactly(List.of("2026-03-01", "0"));
    }

    @Test
    void categoriesKeepTheirOrderAndSpreadsFromFewCasesAreSuppressed() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("APPLIED", "Applied");
        labels.put("SCREENED", "Screened");
        labels.put("RELEASED", "Released");
        Figure funnel = FlowFigures.categories("funnel", "t", "Stage", "Cases", labels,
                Map.of("RELEASED", 3L, "APPLIED", 12L));
        assertThat(Figures.csv(funnel)).isEqualTo("Stage,Cases\r\nApplied,12\r\nScreened,0\r\nReleased,<5\r\n");
        Figure held = FlowFigures.spread("time-held", "t", "Point", "p50", "p90",
                List.of(new FlowFigures.Spread("KYIV, 1", 2.25, 9.5, 7), new FlowFigures.Spread("LVIV", 1, 1, 4)),
                Figure.Unit.DAYS, 10.0, "Due back");
        assertThat(Figures.csv(held)).isEqualTo("Point,p50,p90\r\n\"KYIV, 1\",2.3,9.5\r\nLVIV,<5,<5\r\n");
        assertThat(Figures.svg(held)).contains("class=\"reference\"").doesNotContain(">1.0<");
    }
}
