package legion.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import legion.enlistment.RejectionReason;
import legion.enlistment.Stage;

/**
 * The Legion's flow for analysts, as {@link Figure}s from reporting's read model (no personal data): applications per
 * day by embassy, the funnel by stage, the time cases spend in a stage against the service level (p50 and p90 per
 * embassy), rejections by reason. Texts in the reader's language.
 */
@Service
public class FlowCharts {

    /** Embassies drawn on their own in "per day"; the others are summed as one series. */
    static final int EMBASSIES_SHOWN = 5;
    /** The main path of a case, in order: the funnel's rows. */
    static final List<Stage> PATH = List.of(Stage.SUBMITTED, Stage.IN_REVIEW, Stage.INTERVIEW, Stage.VETTING,
            Stage.APPROVED, Stage.AUTHORIZED, Stage.ARRIVED, Stage.ENLISTED);

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Duration serviceLevel;

    FlowCharts(JdbcClient jdbc, MessageSource messages,
               @Value("${legion.review.service-level:P2D}") Duration serviceLevel) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.serviceLevel = serviceLevel;
    }

    /** The figures of the Legion's report, by id. */
    public Map<String, Figure> all(Locale locale, Instant now) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Figure f : List.of(perDay(locale, now, 14), funnel(locale), timeInStage(locale, now, 90),
                rejections(locale))) {
            figures.put(f.id(), f);
        }
        return figures;
    }

    /** Applications submitted per day (UTC) over the last {@code days} days, by embassy. */
    Figure perDay(Locale locale, Instant now, int days) {
        LocalDate last = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate first = last.minusDays(days - 1L);
        Map<LocalDate, Map<String, Long>> counts = new TreeMap<>();
        Map<String, Long> perEmbassy = new LinkedHashMap<>();
        jdbc.sql("select submitted_at, embassy_code from reporting_case where submitted_at >= ?")
                .param(first.atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> {
                    LocalDate day = rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
                    String embassy = rs.getString(2);
                    counts.computeIfAbsent(day, d -> new LinkedHashMap<>()).merge(embassy, 1L, Long::sum);
                    perEmbassy.merge(embassy, 1L, Long::sum);
                    return null;
                }).list();
        List<String> shown = perEmbassy.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(EMBASSIES_SHOWN).map(Map.Entry::getKey).toList();
        boolean others = perEmbassy.size() > shown.size();
        List<String> series = new ArrayList<>(shown);
        if (others) {
            series.add(msg("console.reports.figure.otherEmbassies", locale));
        }
        if (series.isEmpty()) {
            series.add(msg("console.reports.figure.allEmbassies", locale));
        }
        List<Figure.Row> rows = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Map<String, Long> day = counts.getOrDefault(d, Map.of());
            List<Figure.Cell> cells = new ArrayList<>();
            for (String e : shown) {
                cells.add(Figure.Cell.count(day.getOrDefault(e, 0L)));
            }
            if (others || shown.isEmpty()) {
                cells.add(Figure.Cell.count(day.entrySet().stream().filter(x -> !shown.contains(x.getKey()))
                        .mapToLong(Map.Entry::getValue).sum()));
            }
            rows.add(new Figure.Row(d.toString(), cells));
        }
        return Figure.counts("per-day", msg("console.reports.figure.perDay", locale, days), msg("console.reports.figure.day", locale),
                series, rows);
    }

    /** How many cases reached each stage of the main path (ever, whatever came after). */
    Figure funnel(Locale locale) {
        Map<String, Long> reached = new LinkedHashMap<>();
        jdbc.sql("select stage, count(distinct enlistment_id) from reporting_stage_time group by stage")
                .query((rs, n) -> reached.put(rs.getString(1), rs.getLong(2))).list();
        List<Figure.Row> rows = PATH.stream().map(s -> new Figure.Row(msg("stage." + s.name(), locale),
                List.of(Figure.Cell.count(reached.getOrDefault(s.name(), 0L))))).toList();
        return Figure.counts("funnel", msg("console.reports.figure.funnel", locale), msg("console.reports.figure.stage", locale),
                List.of(msg("console.reports.figure.reached", locale)), rows);
    }

    /**
     * The time cases spent in a stage still being worked (a stay not ended yet counts up to now), stays begun in the
     * last {@code days} days, p50 and p90 per embassy in hours, against the service level.
     */
    Figure timeInStage(Locale locale, Instant now, int days) {
        List<String> working = Arrays.stream(Stage.values()).filter(s -> !s.isFinal()).map(Stage::name).toList();
        Map<String, List<Double>> hours = new TreeMap<>();
        jdbc.sql("select embassy_code, stage, entered_at, left_at from reporting_stage_time where entered_at >= ?")
                .param(now.minus(days, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .query((rs, n) -> {
                    if (working.contains(rs.getString(2))) {
                        Instant in = rs.getObject(3, OffsetDateTime.class).toInstant();
                        OffsetDateTime out = rs.getObject(4, OffsetDateTime.class);
                        double h = Duration.between(in, out == null ? now : out.toInstant()).toSeconds() / 3600.0;
                        hours.computeIfAbsent(rs.getString(1), e -> new ArrayList<>()).add(Math.max(0, h));
                    }
                    return null;
                }).list();
        List<Figure.Row> rows = new ArrayList<>();
        hours.forEach((embassy, list) -> {
            list.sort(Comparator.naturalOrder());
            rows.add(new Figure.Row(embassy, List.of(new Figure.Cell(percentile(list, 50), list.size()),
                    new Figure.Cell(percentile(list, 90), list.size()))));
        });
        double sl = serviceLevel.toSeconds() / 3600.0;
        return new Figure("time-in-stage", msg("console.reports.figure.timeInStage", locale),
                msg("console.reports.figure.embassy", locale),
                List.of(msg("console.reports.figure.p50", locale), msg("console.reports.figure.p90", locale)), rows,
                Figure.Unit.HOURS, sl, msg("console.reports.figure.serviceLevel", locale, String.format(Locale.ROOT, "%.0f", sl)));
    }

    /** Rejections by reason code (every reason, most frequent first). */
    Figure rejections(Locale locale) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RejectionReason r : RejectionReason.values()) {
            counts.put(r.name(), 0L);
        }
        jdbc.sql("select rejection_reason, count(*) from reporting_case where stage = 'REJECTED' "
                        + "and rejection_reason is not null group by rejection_reason")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        List<Figure.Row> rows = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new Figure.Row(messages.getMessage("reason." + e.getKey(), null, e.getKey(), locale),
                        List.of(Figure.Cell.count(e.getValue())))).toList();
        return Figure.counts("rejections", msg("console.reports.figure.rejections", locale), msg("console.reports.figure.reason", locale),
                List.of(msg("console.reports.figure.rejected", locale)), rows);
    }

    /** Nearest-rank percentile of sorted values (empty: 0). */
    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
