package legion.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
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

    /**
     * Place X: 10 values, Y: 7 (where H2's percentile_disc would give the 6th as p90), Z: one. Nearest rank: X's p50
     * the 5th, p90 the 9th; Y's p50 the 4th, p90 the 7th.
     */
    @Test
    void theSqlPercentilesAreByNearestRankAndTheDayIsTheUtcDay() throws Exception {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:flowfigures;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (p varchar(10), a timestamp with time zone, b timestamp with time zone)");
            }
            // every start is 23:30 on 1 March in Kyiv, 21:30 UTC
            OffsetDateTime start = OffsetDateTime.parse("2026-03-01T23:30:00+02:00");
            try (PreparedStatement in = c.prepareStatement("insert into t values (?, ?, ?)")) {
                for (int h : new int[] {10, 3, 1, 8, 2, 9, 4, 7, 5, 6}) {
                    insert(in, "X", start, start.plusHours(h));
                }
                for (int h : new int[] {30, 1, 16, 4, 2, 11, 7}) {
                    insert(in, "Y", start, start.plusHours(h));
                }
                insert(in, "Z", start, null);
            }
            org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(ds);
            List<FlowFigures.Spread> spreads = FlowFigures.spreads(jdbc, "p",
                    FlowFigures.seconds("a", "coalesce(b, ?)") + " / 3600.0", "from t where a >= ?",
                    List.of(start.plusHours(12), start.minusDays(1)));
            assertThat(spreads).containsExactly(new FlowFigures.Spread("X", 5, 9, 10),
                    new FlowFigures.Spread("Y", 7, 30, 7), new FlowFigures.Spread("Z", 12, 12, 1));
            // the end, 1 to 10 hours after 21:30 UTC: 2 on 1 March (UTC), 8 on 2 March
            try (ResultSet r = c.createStatement().executeQuery("select " + FlowFigures.utcDay("b") + ", count(*) "
                    + "from t where p = 'X' group by " + FlowFigures.utcDay("b") + " order by 1")) {
                assertThat(r.next()).isTrue();
                assertThat(LocalDate.ofEpochDay(r.getLong(1))).isEqualTo(LocalDate.parse("2026-03-01"));
                assertThat(r.getLong(2)).isEqualTo(2);
                assertThat(r.next()).isTrue();
                assertThat(LocalDate.ofEpochDay(r.getLong(1))).isEqualTo(LocalDate.parse("2026-03-02"));
                assertThat(r.getLong(2)).isEqualTo(8);
            }
            try (Statement s = c.createStatement()) {
                s.execute("drop table t");
            }
        }
    }

    private static void insert(PreparedStatement in, String p, OffsetDateTime a, OffsetDateTime b) throws Exception {
        in.setString(1, p);
        in.setObject(2, a);
        in.setObject(3, b);
        in.execute();
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
