package legion.parole;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/**
 * Program 3's flow for analysts, as the Legion's ({@link legion.reporting.FlowFigures}, aggregated in SQL, no
 * reference or name): cases filed per day by facility, the cases that reached each stage of the main path, the time
 * from the release to the hand-over against the 24-hour clock (p50 and p90 per facility; a convict still waiting
 * counts up to now), and how the cases that ended did. All facilities, or one ({@code facility}, a code).
 */
@Service
public class ParoleFlow {

    /** The main path of a case, in order: the funnel's rows. */
    static final List<Stage> PATH = List.of(Stage.APPLIED, Stage.SCREENED, Stage.EXAMINED, Stage.ACCEPTED,
            Stage.PETITIONED, Stage.RELEASED, Stage.HANDED_OVER, Stage.IN_SERVICE, Stage.DISCHARGED);
    /** The ways a case ends (or leaves the path), in the order of the path: the last figure's rows. */
    static final List<Stage> ENDS = List.of(Stage.NOT_ELIGIBLE, Stage.UNFIT, Stage.DECLINED, Stage.REFUSED,
            Stage.WITHDRAWN, Stage.ABSENT, Stage.RETURNED_TO_CUSTODY, Stage.DISCHARGED);
    static final int PER_DAY_DAYS = 14;
    static final int HAND_OVER_DAYS = 90;

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ParoleFlow(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /**
     * The figures by id, of every facility or of one ({@code facility} null for all); for analysts and
     * administrators only.
     */
    public Map<String, Figure> figures(Actor actor, Locale locale, Instant now, String facility) {
        ParoleReports.requireAnalyst(actor);
        FlowFigures.OnePlace only = new FlowFigures.OnePlace(facility);
        return FlowFigures.byId(perDay(locale, now, only), funnel(locale, only), handOver(locale, now, only),
                ends(locale, only));
    }

    /** Cases filed per UTC day over the last {@link #PER_DAY_DAYS} days, by facility. */
    Figure perDay(Locale locale, Instant now, FlowFigures.OnePlace only) {
        return FlowFigures.perDay(jdbc, "per-day", new FlowFigures.PerDayTexts(
                        msg("parole.flow.perDay", locale, PER_DAY_DAYS), msg("parole.flow.day", locale),
                        msg("parole.flow.otherFacilities", locale), msg("parole.flow.allFacilities", locale)),
                "parole_case", "filed_at", "facility", only, now, PER_DAY_DAYS);
    }

    /** How many cases reached each stage of the main path (ever, whatever came after), from their history. */
    Figure funnel(Locale locale, FlowFigures.OnePlace only) {
        Map<String, Long> reached = FlowFigures.countsByKey(jdbc, "select h.to_stage, count(distinct h.case_id) "
                + "from parole_history h join parole_case c on c.id = h.case_id where 1 = 1" + only.and("c.facility")
                + " group by h.to_stage", only.params());
        return FlowFigures.categories("funnel", msg("parole.flow.funnel", locale), msg("parole.flow.stage", locale),
                msg("parole.flow.cases", locale), labels(PATH, locale), reached);
    }

    /**
     * Hours from the release's effect (the hand-over due time less {@link ParoleCase#HAND_OVER_WITHIN}) to the
     * hand-over, or to now while the convict waits, of the releases due in the last {@link #HAND_OVER_DAYS} days:
     * p50 and p90 per facility against the 24 hours.
     */
    Figure handOver(Locale locale, Instant now, FlowFigures.OnePlace only) {
        double within = ParoleCase.HAND_OVER_WITHIN.toSeconds() / 3600.0;
        String hours = "(" + FlowFigures.seconds("hand_over_due", "coalesce(handed_over_at, ?)") + " / 3600.0 + "
                + within + ")";
        List<FlowFigures.Spread> spreads = FlowFigures.spreads(jdbc, "facility", "greatest(0, " + hours + ")",
                "from parole_case where hand_over_due is not null and hand_over_due >= ?" + only.and("facility"),
                only.params(FlowFigures.utc(now), FlowFigures.utc(now.minus(HAND_OVER_DAYS, ChronoUnit.DAYS))));
        String hoursText = String.format(Locale.ROOT, "%.0f", within);
        return FlowFigures.spread("hand-over", msg("parole.flow.handOver", locale, HAND_OVER_DAYS),
                msg("parole.flow.facility", locale), msg("parole.flow.p50", locale), msg("parole.flow.p90", locale),
                spreads, Figure.Unit.HOURS, within,
                msg("parole.flow.serviceLevel", locale, hoursText));
    }

    /** The cases in each stage that ends a case or takes it off the path (absent), as they stand now. */
    Figure ends(Locale locale, FlowFigures.OnePlace only) {
        Map<String, Long> counts = FlowFigures.countsByKey(jdbc, "select stage, count(*) from parole_case where 1 = 1"
                + only.and("facility") + " group by stage", only.params());
        return FlowFigures.categories("ends", msg("parole.flow.ends", locale), msg("parole.flow.end", locale),
                msg("parole.flow.cases", locale), labels(ENDS, locale), counts);
    }

    private Map<String, String> labels(List<Stage> stages, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        stages.forEach(s -> labels.put(s.name(), msg("parole.stage." + s.name(), locale)));
        return labels;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
