package legion.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shapes of a program's flow for analysts, built from numbers its own queries aggregated in SQL (a program reads
 * its own tables; only aggregates reach these builders): things per day by place (the busiest places drawn on their
 * own, the rest summed), counts per category in a fixed order (a funnel, reasons), and p50/p90 per place against a
 * service level. The SQL computes the same on H2 (PostgreSQL mode) and PostgreSQL: a UTC day from a
 * {@code timestamp with time zone}, a duration between two, nearest-rank percentiles per place ({@link #spreads}).
 * Small cells are suppressed by {@link Figure.Cell}.
 */
public final class FlowFigures {

    /** Places drawn on their own in a per-day figure; the others are summed as one series. */
    public static final int PLACES_SHOWN = 5;

    private FlowFigures() {
    }

    /** The UTC day of a {@code timestamp with time zone} column, as the number of days since 1970-01-01. */
    public static String utcDay(String column) {
        return "floor(extract(epoch from " + column + ") / 86400)";
    }

    /** Seconds from {@code start} to {@code end} (both {@code timestamp with time zone} expressions). */
    public static String seconds(String start, String end) {
        return "(extract(epoch from " + end + ") - extract(epoch from " + start + "))";
    }

    /**
     * The p50 and p90 by nearest rank (the ⌈p·n⌉-th smallest value) of {@code value} per {@code place}, computed in
     * the database: {@code select <place>, <value> <fromWhere>} with {@code params} in that order. Ranked with window
     * functions rather than {@code percentile_disc}, which H2 computes otherwise (for 7 values its p90 is the 6th,
     * PostgreSQL's the 7th). Rows by place.
     */
    public static List<Spread> spreads(JdbcClient jdbc, String place, String value, String fromWhere,
                                       List<?> params) {
        return jdbc.sql("select g, n, max(case when rn = ceil(0.5 * n) then v end) as p50, "
                        + "max(case when rn = ceil(0.9 * n) then v end) as p90 from (select g, v, "
                        + "row_number() over (partition by g order by v) as rn, count(*) over (partition by g) as n "
                        + "from (select " + place + " as g, " + value + " as v " + fromWhere + ") s) t "
                        + "group by g, n order by g")
                .params(List.copyOf(params))
                .query((rs, i) -> new Spread(rs.getString("g"), rs.getDouble("p50"), rs.getDouble("p90"),
                        rs.getLong("n")))
                .list();
    }

    /**
     * Things per place and UTC day over the last {@code days} days up to {@code now}'s, counted in SQL (the rows of
     * {@code table} whose {@code at} column falls in them, grouped by that day and by {@code place}, narrowed by
     * {@code only}), as the figure {@link #perDay(String, PerDayTexts, LocalDate, LocalDate, List)} draws.
     */
    public static Figure perDay(JdbcClient jdbc, String id, PerDayTexts texts, String table, String at, String place,
                                OnePlace only, Instant now, int days) {
        LocalDate last = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate first = last.minusDays(days - 1L);
        String day = utcDay(at);
        List<DayCount> counts = jdbc.sql("select " + day + " as d, " + place + " as p, count(*) as n from " + table
                        + " where " + at + " >= ?" + only.and(place) + " group by " + day + ", " + place)
                .params(only.params(first.atStartOfDay().atOffset(ZoneOffset.UTC)))
                .query((rs, n) -> new DayCount(rs.getLong("d"), rs.getString("p"), rs.getLong("n"))).list();
        return perDay(id, texts, first, last, counts);
    }

    /**
     * The counts of a query that selects a key and a count, in that order ({@code params} its parameters): a
     * category's count by its key, for {@link #categories}.
     */
    public static Map<String, Long> countsByKey(JdbcClient jdbc, String sql, List<?> params) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).params(List.copyOf(params)).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** Figures by their ids, in the order given (a report's page shows them so). */
    public static Map<String, Figure> byId(Figure... figures) {
        Map<String, Figure> byId = new LinkedHashMap<>();
        for (Figure f : figures) {
            byId.put(f.id(), f);
        }
        return byId;
    }

    /** An instant as the {@code timestamp with time zone} parameter of a query (UTC). */
    public static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /**
     * A figure of every place ({@code code} null) or narrowed to one: the condition to append to a query's where
     * clause (the code is a parameter, never in the SQL) and the query's parameters with the code last.
     */
    public record OnePlace(String code) {

        public static final OnePlace ALL = new OnePlace(null);

        public String and(String column) {
            return code == null ? "" : " and " + column + " = ?";
        }

        public List<Object> params(Object... first) {
            List<Object> params = new ArrayList<>(List.of(first));
            if (code != null) {
                params.add(code);
            }
            return params;
        }
    }

    /** One aggregated count: {@code count} things of a place on a UTC day (days since 1970-01-01). */
    public record DayCount(long epochDay, String place, long count) {
    }

    /** The p50 and p90 of one place's values, computed from {@code basis} cases. */
    public record Spread(String place, double p50, double p90, long basis) {
    }

    /** The texts of a per-day figure (already in the reader's language). */
    public record PerDayTexts(String title, String dayHeading, String others, String all) {
    }

    /**
     * Things per UTC day from {@code first} to {@code last}, every day a row (a day with none shows 0), the
     * {@link #PLACES_SHOWN} places with most things a series each (ties by name) and the rest summed as one.
     */
    public static Figure perDay(String id, PerDayTexts texts, LocalDate first, LocalDate last, List<DayCount> counts) {
        Map<Long, Map<String, Long>> byDay = new TreeMap<>();
        Map<String, Long> perPlace = new TreeMap<>();
        for (DayCount c : counts) {
            byDay.computeIfAbsent(c.epochDay(), d -> new LinkedHashMap<>()).merge(c.place(), c.count(), Long::sum);
            perPlace.merge(c.place(), c.count(), Long::sum);
        }
        List<String> shown = perPlace.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(PLACES_SHOWN).map(Map.Entry::getKey).toList();
        Set<String> shownSet = Set.copyOf(shown);
        boolean rest = perPlace.size() > shown.size() || shown.isEmpty();
        List<String> series = new ArrayList<>(shown);
        if (rest) {
            series.add(shown.isEmpty() ? texts.all() : texts.others());
        }
        List<Figure.Row> rows = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Map<String, Long> day = byDay.getOrDefault(d.toEpochDay(), Map.of());
            List<Figure.Cell> cells = new ArrayList<>();
            for (String place : shown) {
                cells.add(Figure.Cell.count(day.getOrDefault(place, 0L)));
            }
            if (rest) {
                cells.add(Figure.Cell.count(day.entrySet().stream().filter(e -> !shownSet.contains(e.getKey()))
                        .mapToLong(Map.Entry::getValue).sum()));
            }
            rows.add(new Figure.Row(d.toString(), cells));
        }
        return Figure.counts(id, texts.title(), texts.dayHeading(), series, rows);
    }

    /**
     * One count per category, in the order given (a funnel's stages, every reason): {@code labels} names each
     * category, a category not in {@code counts} shows 0.
     */
    public static Figure categories(String id, String title, String rowHeading, String seriesName,
                                    Map<String, String> labels, Map<String, Long> counts) {
        List<Figure.Row> rows = new ArrayList<>();
        labels.forEach((key, label) -> rows.add(new Figure.Row(label,
                List.of(Figure.Cell.count(counts.getOrDefault(key, 0L))))));
        return Figure.counts(id, title, rowHeading, List.of(seriesName), rows);
    }

    /**
     * The p50 and p90 per place (in the order given), each cell computed from its place's basis (suppressed below
     * {@link Figures#MIN_CELL}), against a reference drawn across (null for none).
     */
    public static Figure spread(String id, String title, String rowHeading, String p50Name, String p90Name,
                                List<Spread> spreads, Figure.Unit unit, Double reference, String referenceName) {
        List<Figure.Row> rows = spreads.stream().map(s -> new Figure.Row(s.place(), List.of(
                new Figure.Cell(s.p50(), s.basis()), new Figure.Cell(s.p90(), s.basis())))).toList();
        return new Figure(id, title, rowHeading, List.of(p50Name, p90Name), rows, unit, reference, referenceName);
    }
}
