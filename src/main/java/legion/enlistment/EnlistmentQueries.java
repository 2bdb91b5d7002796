package legion.enlistment;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.enlistment.Enlistments.CaseSummary;
import legion.enlistment.Enlistments.QueueQuery;
import legion.enlistment.Enlistments.Standing;
import legion.privacy.FieldCipher;

/**
 * The reads over many cases, for {@link JdbcEnlistments}: a page of the officers' queue (filters, the search box
 * through the blind indexes, keyset pagination in four orders), the count of cases per stage, and the look-ups of
 * screening and the background jobs (by passport or e-mail through their blind indexes, standings by reference,
 * pages of ids by stage, ids submitted since a time), none of which decrypts anything.
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
    List<Standing> standingsByReference(Collection<Reference> references) {
        List<String> values = references.stream().map(Reference::value).distinct().toList();
        List<Standing> found = new ArrayList<>();
        for (List<String> part : legion.shared.Chunks.of(values, 500)) {
            jdbc.sql("select id, reference, stage, rejection_reason from enlistment where reference in (:references)")
                    .param("references", part)
                    .query((ResultSet rs) -> {
                        String rejection = rs.getString(4);
                        found.add(new Standing(new EnlistmentId(rs.getObject(1, UUID.class)), new Reference(rs.getString(2)),
                                Stage.valueOf(rs.getString(3)), rejection == null ? null : RejectionReason.valueOf(rejection)));
                    });
        }
        return found;
    }

    List<Reference> findByPassportNumber(String passportNumber) {
        return jdbc.sql("select reference from enlistment where passport_bidx = ? order by submitted_at")
                .param(JdbcEnlistments.passportIndex(cipher, passportNumber))
                .query((rs, n) -> new Reference(rs.getString(1))).list();
    }

    Map<String, List<Reference>> findByPassportNumbers(Collection<String> passportNumbers) {
        Map<String, String> indexOf = new HashMap<>();
        passportNumbers.forEach(n -> indexOf.put(n, JdbcEnlistments.passportIndex(cipher, n)));
        List<String> indexes = indexOf.values().stream().distinct().toList();
        Map<String, List<Reference>> byIndex = new HashMap<>();
        for (List<String> part : legion.shared.Chunks.of(indexes, 500)) {
            jdbc.sql("select passport_bidx, reference from enlistment where passport_bidx in (:indexes) "
                            + "order by submitted_at")
                    .param("indexes", part)
                    .query((ResultSet rs) -> {
                        byIndex.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Reference(rs.getString(2)));
                    });
        }
        Map<String, List<Reference>> found = new HashMap<>();
        indexOf.forEach((number, index) -> found.put(number, byIndex.getOrDefault(index, List.of())));
        return found;
    }

    List<EnlistmentId> idsInStages(Set<Stage> stages, EnlistmentId after, int limit) {
        if (stages.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(stages.size(), "?"));
        List<Object> params = new ArrayList<>();
        stages.forEach(st -> params.add(st.name()));
        String sql = "select id from enlistment where erased_at is null and stage in (" + in + ")";
        if (after != null) {
            sql += " and id > ?";
            params.add(after.value());
        }
        params.add(limit);
        return jdbc.sql(sql + " order by id limit ?").params(params).query(UUID.class).list().stream()
                .map(EnlistmentId::new).toList();
    }

    List<EnlistmentId> submittedSince(Instant since) {
        return jdbc.sql("select id from enlistment where erased_at is null and submitted_at >= ? order by submitted_at")
                .param(JdbcEnlistments.ts(since)).query(UUID.class).list().stream().map(EnlistmentId::new).toList();
    }

    List<Reference> findByEmail(String email) {
        return jdbc.sql("select reference from enlistment where email_bidx = ? order by submitted_at")
                .param(JdbcEnlistments.emailIndex(cipher, email))
                .query((rs, n) -> new Reference(rs.getString(1))).list();
    }

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
