package legion.enlistment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.enlistment.Enlistments.CaseSummary;
import legion.enlistment.Enlistments.QueueQuery;
import legion.privacy.FieldCipher;

/**
 * The officers' reads over many cases, for {@link JdbcEnlistments}: a page of a queue (filters, the search box through
 * the blind indexes, keyset pagination in four orders) and the count of cases per stage.
 */
final class EnlistmentQueries {

    private static final Logger LOG = LoggerFactory.getLogger(EnlistmentQueries.class);

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    EnlistmentQueries(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    List<CaseSummary> queue(QueueQuery q) {
        StringBuilder sql = new StringBuilder("select id, reference, stage, embassy_code, nationality, service_role, "
                + "given_names, surname, submitted_at, stage_since from enlistment where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.embassyCode() != null) {
            sql.append(" and embassy_code = ?");
            params.add(q.embassyCode());
        }
        if (q.stages() != null && !q.stages().isEmpty()) {
            sql.append(" and stage in (");
            sql.append(String.join(", ", java.util.Collections.nCopies(q.stages().size(), "?")));
            sql.append(")");
            q.stages().forEach(s -> params.add(s.name()));
        }
        if (q.nationality() != null) {
            sql.append(" and nationality = ?");
            params.add(q.nationality());
        }
        if (q.serviceRole() != null) {
            sql.append(" and service_role = ?");
            params.add(q.serviceRole());
        }
        if (q.search() != null) {
            var s = q.search();
            List<String> any = new ArrayList<>();
            if (s.reference() != null) {
                any.add("reference = ?");
                params.add(s.reference().value());
            }
            if (s.passportNumber() != null && !s.passportNumber().isEmpty()) {
                any.add("passport_bidx = ?");
                params.add(JdbcEnlistments.passportIndex(cipher, s.passportNumber()));
            }
            if (s.surname() != null) {
                any.add("surname_bidx = ?");
                params.add(cipher.blindIndex("surname", s.surname()));
            }
            if (s.fullName() != null) {
                any.add("name_bidx = ?");
                params.add(cipher.blindIndex("full_name", s.fullName()));
            }
            sql.append(any.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", any) + ")");
        }
        String key = q.order().bySubmission() ? "submitted_at" : "stage_since";
        String cmp = q.order().ascending() ? ">" : "<";
        String dir = q.order().ascending() ? "" : " desc";
        if (q.after() != null) {
            sql.append(" and (" + key + " " + cmp + " ? or (" + key + " = ? and id " + cmp + " ?))");
            params.add(JdbcEnlistments.ts(q.after().at()));
            params.add(JdbcEnlistments.ts(q.after().at()));
            params.add(q.after().id());
        }
        sql.append(" order by " + key + dir + ", id" + dir + " limit ?");
        params.add(Math.max(1, Math.min(q.limit(), 500)));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new CaseSummary(rs.getObject("id", UUID.class),
                        new Reference(rs.getString("reference")), Stage.valueOf(rs.getString("stage")),
                        rs.getString("embassy_code"), rs.getString("nationality"), rs.getString("service_role"),
                        readable("given_names", rs.getString("given_names"), rs.getString("reference")),
                        readable("surname", rs.getString("surname"), rs.getString("reference")), JdbcEnlistments.instant(rs, "submitted_at"),
                        JdbcEnlistments.instant(rs, "stage_since")))
                .list();
    }

    Map<Stage, Long> countByStage(String embassyCode) {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            counts.put(s, 0L);
        }
        String sql = "select stage, count(*) as n from enlistment"
                + (embassyCode == null ? "" : " where embassy_code = ?") + " group by stage";
        var spec = jdbc.sql(sql);
        if (embassyCode != null) {
            spec = spec.param(embassyCode);
        }
        spec.query((rs, n) -> counts.put(Stage.valueOf(rs.getString("stage")), rs.getLong("n"))).list();
        return counts;
    }

    /**
     * A name for a queue line. One row that does not decrypt (a key missing from this node's configuration) must not
     * take the whole queue down: it shows as unreadable, and the log says which case and key (no personal data).
     */
    private String readable(String column, String stored, String reference) {
        try {
            String value = cipher.decrypt(column, stored);
            return value == null ? "" : value;
        } catch (IllegalStateException e) {
            LOG.warn("case {}: {}", reference, e.getMessage());
            return "\u26a0 unreadable";
        }
    }
}
