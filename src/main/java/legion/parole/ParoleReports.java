package legion.parole;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import legion.reporting.FlowReport;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * Program 3's figures for analysts, by facility and month (UTC): applications filed, found eligible (screened),
 * released by a court and released at the highest level (apart, so releases without a court are never unrecorded),
 * handed over late, absent without leave, re-offended in service. Counts only, no reference or name; every count
 * below the platform's {@link FlowReport#MIN_CELL} is suppressed as the Legion's reports are ({@link FlowReport.Cell}).
 */
@Service
public class ParoleReports {

    /** The columns of the report, in order. */
    public enum Measure { APPLICATIONS, ELIGIBLE, RELEASED_BY_COURT, RELEASED_AT_HIGHEST_LEVEL, HANDED_OVER_LATE,
        ABSENT, REOFFENDED }

    private final JdbcClient jdbc;

    ParoleReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One facility in one month: a cell per measure, each shown or suppressed. */
    public record Row(String facility, String month, Map<Measure, FlowReport.Cell> cells) {
        public FlowReport.Cell cell(Measure m) {
            return cells.get(m);
        }
    }

    /** The report, newest month first, then by facility; for analysts and administrators only. */
    public List<Row> byFacilityAndMonth(Actor actor) {
        requireAnalyst(actor);
        Map<String, Map<Measure, Long>> counts = new TreeMap<>();
        jdbc.sql("select c.facility as f, extract(year from h.at at time zone 'UTC') as y, "
                        + "extract(month from h.at at time zone 'UTC') as m, h.transition as t, count(*) as n "
                        + "from parole_history h join parole_case c on c.id = h.case_id "
                        + "where h.transition is null or h.transition in ('SCREEN', 'RELEASE', "
                        + "'RELEASE_AT_HIGHEST_LEVEL', 'REPORT_ABSENCE') "
                        + "group by c.facility, extract(year from h.at at time zone 'UTC'), "
                        + "extract(month from h.at at time zone 'UTC'), h.transition")
                .query((rs, i) -> {
                    String t = rs.getString("t");
                    Measure measure = t == null ? Measure.APPLICATIONS : switch (t) {
                        case "SCREEN" -> Measure.ELIGIBLE;
                        case "RELEASE" -> Measure.RELEASED_BY_COURT;
                        case "RELEASE_AT_HIGHEST_LEVEL" -> Measure.RELEASED_AT_HIGHEST_LEVEL;
                        default -> Measure.ABSENT;
                    };
                    add(counts, rs.getString("f"), rs.getInt("y"), rs.getInt("m"), measure, rs.getLong("n"));
                    return null;
                }).list();
        jdbc.sql("select facility as f, extract(year from handed_over_at at time zone 'UTC') as y, "
                        + "extract(month from handed_over_at at time zone 'UTC') as m, count(*) as n "
                        + "from parole_case where handed_over_at > hand_over_due "
                        + "group by facility, extract(year from handed_over_at at time zone 'UTC'), "
                        + "extract(month from handed_over_at at time zone 'UTC')")
                .query((rs, i) -> {
                    add(counts, rs.getString("f"), rs.getInt("y"), rs.getInt("m"), Measure.HANDED_OVER_LATE,
                            rs.getLong("n"));
                    return null;
                }).list();
        jdbc.sql("select c.facility as f, extract(year from e.occurred_on) as y, extract(month from e.occurred_on) as m, "
                        + "count(distinct e.case_id) as n from parole_service_event e join parole_case c on c.id = e.case_id "
                        + "where e.kind = 'NEW_OFFENCE' "
                        + "group by c.facility, extract(year from e.occurred_on), extract(month from e.occurred_on)")
                .query((rs, i) -> {
                    add(counts, rs.getString("f"), rs.getInt("y"), rs.getInt("m"), Measure.REOFFENDED,
                            rs.getLong("n"));
                    return null;
                }).list();
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, byMeasure) -> {
            int bar = key.indexOf('|');
            Map<Measure, FlowReport.Cell> cells = new EnumMap<>(Measure.class);
            for (Measure m : Measure.values()) {
                cells.put(m, new FlowReport.Cell(m.name(), byMeasure.getOrDefault(m, 0L)));
            }
            rows.add(new Row(key.substring(bar + 1), key.substring(0, bar), cells));
        });
        rows.sort((a, b) -> a.month().equals(b.month()) ? a.facility().compareTo(b.facility())
                : b.month().compareTo(a.month()));
        return rows;
    }

    /** Program 3's figures (these and {@link ParoleFlow}'s) are for analysts and administrators only. */
    static void requireAnalyst(Actor actor) {
        if (actor.role() != Role.ANALYST && actor.role() != Role.ADMINISTRATOR) {
            throw new ParoleRefusedException(ParoleRefusedException.Refusal.ROLE_NOT_PERMITTED, null,
                    "parole reports are for analysts");
        }
    }

    private static void add(Map<String, Map<Measure, Long>> counts, String facility, int year, int month, Measure m,
                            long n) {
        counts.computeIfAbsent(String.format("%04d-%02d", year, month) + "|" + facility,
                k -> new EnumMap<>(Measure.class)).merge(m, n, Long::sum);
    }
}
