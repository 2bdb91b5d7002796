package legion.arms.register;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import legion.reporting.Figure;
import legion.reporting.FlowFigures;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * The register's flow for analysts and registry supervisors, as every program's ({@link FlowFigures}, aggregated in
 * SQL; no serial, no holder): issues per day by issuing point, the standing of weapons by status (now, and ever
 * reached), the days weapons are held (p50 and p90 per point; an open issue counts up to now), and losses, thefts,
 * seizures, finds and destructions by kind. All points, or one ({@code point}, a code).
 */
@Service
public class ArmsFlow {

    static final int PER_DAY_DAYS = 14;
    /** The custody events that take a weapon out of the normal flow (or bring it back), in this order. */
    static final List<CustodyEvent> LOSSES = List.of(CustodyEvent.REPORTED_LOST, CustodyEvent.REPORTED_STOLEN,
            CustodyEvent.SEIZED, CustodyEvent.FOUND, CustodyEvent.DESTROYED);

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ArmsFlow(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The figures by id, of every point or of one ({@code point} null for all). */
    public Map<String, Figure> figures(Actor actor, Locale locale, Instant now, String point) {
        if (actor.role() != Role.ANALYST && actor.role() != Role.REGISTRY_SUPERVISOR) {
            throw new SecurityException("analysts and registry supervisors only");
        }
        FlowFigures.OnePlace only = new FlowFigures.OnePlace(point);
        return FlowFigures.byId(perDay(locale, now, only), standing(locale, only), held(locale, now, only),
                overdue(locale, now, only), losses(locale, only));
    }

    /** Issues made per UTC day over the last {@link #PER_DAY_DAYS} days, by issuing point. */
    Figure perDay(Locale locale, Instant now, FlowFigures.OnePlace only) {
        return FlowFigures.perDay(jdbc, "issues-per-day", new FlowFigures.PerDayTexts(
                        msg("arms.flow.perDay", locale, PER_DAY_DAYS), msg("arms.flow.day", locale),
                        msg("arms.flow.otherPoints", locale), msg("arms.flow.allPoints", locale)),
                "arms_issue", "issued_at", "point_code", only, now, PER_DAY_DAYS);
    }

    /**
     * Weapons by status: where they stand now, and how many ever reached each status (from the custody history).
     * For one point: now, the weapons in its stock or issued there (a weapon lost, stolen, seized or destroyed is at
     * no point any more); ever, the weapons whose history reached the status there.
     */
    Figure standing(Locale locale, FlowFigures.OnePlace only) {
        Map<String, Long> now = FlowFigures.countsByKey(jdbc, "select w.status, count(*) from arms_weapon w "
                + "left join arms_issue i on i.number = w.issue_number where 1 = 1"
                + only.and("coalesce(w.point_code, i.point_code)") + " group by w.status", only.params());
        Map<String, Long> ever = FlowFigures.countsByKey(jdbc, "select status_after, count(distinct weapon_id) "
                + "from arms_custody where 1 = 1" + only.and("point_code") + " group by status_after", only.params());
        List<Figure.Row> rows = Arrays.stream(WeaponStatus.values()).map(s -> new Figure.Row(
                msg("arms.status." + s.name(), locale), List.of(Figure.Cell.count(now.getOrDefault(s.name(), 0L)),
                Figure.Cell.count(ever.getOrDefault(s.name(), 0L))))).toList();
        return Figure.counts("standing", msg("arms.flow.standing", locale), msg("arms.flow.status", locale),
                List.of(msg("arms.flow.now", locale), msg("arms.flow.ever", locale)), rows);
    }

    /** Days from the issue to the return (an open issue: to now), p50 and p90 per issuing point. */
    Figure held(Locale locale, Instant now, FlowFigures.OnePlace only) {
        String days = "(" + FlowFigures.seconds("issued_at", "coalesce(returned_at, ?)") + " / 86400.0)";
        List<FlowFigures.Spread> spreads = FlowFigures.spreads(jdbc, "point_code", days,
                "from arms_issue where 1 = 1" + only.and("point_code"), only.params(FlowFigures.utc(now)));
        return FlowFigures.spread("days-held", msg("arms.flow.held", locale), msg("arms.reports.point", locale),
                msg("arms.flow.p50", locale), msg("arms.flow.p90", locale), spreads, Figure.Unit.DAYS, null, null);
    }

    /**
     * Days past the due day (the end of martial law plus {@link MartialLaw#RETURN_WITHIN_DAYS}) to the return, or to
     * now while the weapon is out, of the issues that have a due day: p50 and p90 per point against the due day (0:
     * back by the end of the due day). No row before the end of martial law is recorded.
     */
    Figure overdue(Locale locale, Instant now, FlowFigures.OnePlace only) {
        String days = "greatest(0, (" + FlowFigures.seconds("due_on", "coalesce(returned_at, ?)")
                + " - 86400) / 86400.0)";
        List<FlowFigures.Spread> spreads = FlowFigures.spreads(jdbc, "point_code", days,
                "from arms_issue where due_on is not null" + only.and("point_code"),
                only.params(FlowFigures.utc(now)));
        return FlowFigures.spread("days-overdue", msg("arms.flow.overdue", locale), msg("arms.reports.point", locale),
                msg("arms.flow.p50", locale), msg("arms.flow.p90", locale), spreads, Figure.Unit.DAYS, 0.0,
                msg("arms.flow.dueDay", locale));
    }

    /** Custody events of loss and recovery by kind (corrections aside), at a point when one is asked for. */
    Figure losses(Locale locale, FlowFigures.OnePlace only) {
        Map<String, Long> counts = FlowFigures.countsByKey(jdbc, "select event, count(*) from arms_custody "
                + "where event in (" + String.join(", ", LOSSES.stream().map(e -> "'" + e.name() + "'").toList())
                + ")" + only.and("point_code") + " group by event", only.params());
        Map<String, String> labels = new LinkedHashMap<>();
        LOSSES.forEach(e -> labels.put(e.name(), msg("arms.event." + e.name(), locale)));
        return FlowFigures.categories("losses", msg("arms.flow.losses", locale), msg("arms.flow.kind", locale),
                msg("arms.flow.events", locale), labels, counts);
    }




    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
