package legion.arms.register;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import legion.reporting.FlowReport;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * Aggregate counts of the register for analysts and registry supervisors: weapons by point and status, and open
 * issues by point. Only counts leave it, each a {@link FlowReport.Cell} (below {@link FlowReport#MIN_CELL} shown as
 * suppressed) so that a point with one or two holders cannot single anyone out.
 */
@Service
public class ArmsReport {

    private final JdbcClient jdbc;

    ArmsReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One cell: a point, a status (or {@code OPEN_ISSUES}) and its count. */
    public record Row(String point, String status, FlowReport.Cell cell) {
    }

    public List<Row> weapons(Actor actor) {
        if (actor.role() != Role.ANALYST && actor.role() != Role.REGISTRY_SUPERVISOR) {
            throw new SecurityException("analysts and registry supervisors only");
        }
        List<Row> rows = new java.util.ArrayList<>(jdbc.sql("select coalesce(w.point_code, i.point_code, '-') as p, "
                        + "w.status as s, count(*) as n from arms_weapon w left join arms_issue i "
                        + "on i.number = w.issue_number group by coalesce(w.point_code, i.point_code, '-'), w.status "
                        + "order by p, s")
                .query((rs, n) -> new Row(rs.getString("p"), rs.getString("s"),
                        new FlowReport.Cell(rs.getString("p") + " " + rs.getString("s"), rs.getLong("n"))))
                .list());
        rows.addAll(jdbc.sql("select point_code as p, count(*) as n from arms_issue where returned_at is null "
                        + "group by point_code order by point_code")
                .query((rs, n) -> new Row(rs.getString("p"), "OPEN_ISSUES",
                        new FlowReport.Cell(rs.getString("p") + " OPEN_ISSUES", rs.getLong("n"))))
                .list());
        return rows;
    }
}
