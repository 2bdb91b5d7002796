package legion.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shapes of a program's flow for analysts, built from numbers its own queries aggregated in SQL (a program reads
 * its own tables; only aggregates reach these builders): things per day by place (the busiest places drawn on their
 * own, the rest summed), counts per category in a fixed order (a funnel, reasons), and p50/p90 per place against a
 * service level. The SQL fragments compute the same on H2 (PostgreSQL mode) and PostgreSQL: a UTC day from a
 * {@code timestamp with time zone}, a duration between two, a nearest-rank percentile ({@code percentile_disc}: the
 * smallest value with at least p of the values at or below it). Small cells are suppressed by {@link Figure.Cell}.
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

    /** The nearest-rank percentile {@code p} (1–99) of an expression, as an aggregate. */
    public static String percentile(int p, String expression) {
        if (p < 1 || p > 99) {
            throw new IllegalArgumentException("a percentile is 1-99");
        }
        return "percentile_disc(" + (p / 100.0) + ") within group (order by " + expression + ")";
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
