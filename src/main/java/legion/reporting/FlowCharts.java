package legion.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import legion.enlistment.RejectionReason;
import legion.enlistment.Stage;

/**
 * The Legion's flow for analysts, as {@link Figure}s from reporting's read model (no personal data): applications per
 * day by embassy, the funnel by stage, the time cases spend in a stage against the service level (p50 and p90 per
 * embassy), rejections by reason. Aggregated in SQL and shaped by {@link FlowFigures}, as every program's flow is;
 * texts in the reader's language.
 */
@Service
public class FlowCharts {

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
        return FlowFigures.byId(perDay(locale, now, 14), funnel(locale), timeInStage(locale, now, 90),
                rejections(locale));
    }

    /** Applications submitted per day (UTC) over the last {@code days} days, by embassy (counted in SQL). */
    Figure perDay(Locale locale, Instant now, int days) {
        return FlowFigures.perDay(jdbc, "per-day", new FlowFigures.PerDayTexts(
                        msg("console.reports.figure.perDay", locale, days), msg("console.reports.figure.day", locale),
                        msg("console.reports.figure.otherEmbassies", locale),
                        msg("console.reports.figure.allEmbassies", locale)),
                "reporting_case", "submitted_at", "embassy_code", FlowFigures.OnePlace.ALL, now, days);
    }

    /** How many cases reached each stage of the main path (ever, whatever came after). */
    Figure funnel(Locale locale) {
        Map<String, Long> reached = FlowFigures.countsByKey(jdbc,
                "select stage, count(distinct enlistment_id) from reporting_stage_time group by stage", List.of());
        List<Figure.Row> rows = PATH.stream().map(s -> new Figure.Row(msg("stage." + s.name(), locale),
                List.of(Figure.Cell.count(reached.getOrDefault(s.name(), 0L))))).toList();
        return Figure.counts("funnel", msg("console.reports.figure.funnel", locale), msg("console.reports.figure.stage", locale),
                List.of(msg("console.reports.figure.reached", locale)), rows);
    }

    /**
     * The time cases spent in a stage still being worked (a stay not ended yet counts up to now), stays begun in the
     * last {@code days} days, p50 and p90 per embassy in hours (computed in SQL), against the service level.
     */
    Figure timeInStage(Locale locale, Instant now, int days) {
        List<String> working = Arrays.stream(Stage.values()).filter(s -> !s.isFinal()).map(Stage::name).toList();
        String hours = "greatest(0, " + FlowFigures.seconds("entered_at", "coalesce(left_at, ?)") + " / 3600.0)";
        List<Object> params = new ArrayList<>(List.of(now.atOffset(ZoneOffset.UTC),
                now.minus(days, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC)));
        params.addAll(working);
        List<FlowFigures.Spread> spreads = FlowFigures.spreads(jdbc, "embassy_code", hours,
                "from reporting_stage_time where entered_at >= ? and stage in ("
                        + String.join(", ", java.util.Collections.nCopies(working.size(), "?")) + ")", params);
        double sl = serviceLevel.toSeconds() / 3600.0;
        return FlowFigures.spread("time-in-stage", msg("console.reports.figure.timeInStage", locale),
                msg("console.reports.figure.embassy", locale), msg("console.reports.figure.p50", locale),
                msg("console.reports.figure.p90", locale), spreads, Figure.Unit.HOURS, sl,
                msg("console.reports.figure.serviceLevel", locale, String.format(Locale.ROOT, "%.0f", sl)));
    }

    /** Rejections by reason code (every reason, most frequent first). */
    Figure rejections(Locale locale) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RejectionReason r : RejectionReason.values()) {
            counts.put(r.name(), 0L);
        }
        counts.putAll(FlowFigures.countsByKey(jdbc, "select rejection_reason, count(*) from reporting_case "
                + "where stage = 'REJECTED' and rejection_reason is not null group by rejection_reason", List.of()));
        List<Figure.Row> rows = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new Figure.Row(messages.getMessage("reason." + e.getKey(), null, e.getKey(), locale),
                        List.of(Figure.Cell.count(e.getValue())))).toList();
        return Figure.counts("rejections", msg("console.reports.figure.rejections", locale), msg("console.reports.figure.reason", locale),
                List.of(msg("console.reports.figure.rejected", locale)), rows);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
