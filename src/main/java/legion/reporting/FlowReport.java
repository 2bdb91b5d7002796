package legion.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Aggregate counts of the pipeline for analysts, from reporting's own read model ({@link CaseCounts}, fed by the
 * enlistment events: a change shows here moments after it commits). Only counts leave this class, and any count below
 * {@link #MIN_CELL} is suppressed so that a small group (one volunteer from a small country) cannot be singled out.
 */
@Service
public class FlowReport {

    public static final int MIN_CELL = Figures.MIN_CELL;

    private final JdbcClient jdbc;

    FlowReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A count as shown: the number, or {@code "<5"} when suppressed. */
    public record Cell(String label, long count) {
        public String shown() {
            return count < MIN_CELL ? "<" + MIN_CELL : Long.toString(count);
        }
    }

    public Map<String, Cell> byStage() {
        return group("stage");
    }

    public Map<String, Cell> byEmbassy() {
        return group("embassy_code");
    }

    public Map<String, Cell> byNationality() {
        return group("nationality");
    }

    public Map<String, Cell> byRole() {
        return group("service_role");
    }

    public long total() {
        return jdbc.sql("select count(*) from reporting_case").query(Long.class).single();
    }

    private Map<String, Cell> group(String column) {
        // column names are constants of this class, never user input
        Map<String, Cell> result = new LinkedHashMap<>();
        jdbc.sql("select " + column + " as k, count(*) as n from reporting_case group by " + column + " order by n desc, k")
                .query((rs, i) -> result.put(rs.getString("k"), new Cell(rs.getString("k"), rs.getLong("n"))))
                .list();
        return result;
    }
}
