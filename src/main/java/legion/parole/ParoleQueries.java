package legion.parole;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import legion.parole.policy.Outcome;
import legion.privacy.FieldCipher;

/**
 * The officers' lists over {@code parole_case}, read by keyset: a role's queue and a facility's convicts who become
 * eligible soon. Only the queue's name is decrypted, for those who may see the case; {@link ParoleCases} keeps the
 * cases themselves.
 */
@Repository
public class ParoleQueries {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ParoleQueries(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * A page of a queue: the cases in the given stages, of one facility or one service unit when given, oldest filing
     * first, by keyset on (filed at, id) after the cursor ({@code filedAt|id}, null from the start).
     */
    public List<QueueRow> queue(java.util.Set<Stage> stages, String facility, String serviceUnit, String after,
                                int limit) {
        StringBuilder sql = new StringBuilder("select id, reference, facility, stage, filed_at, updated_at, outcome, "
                + "eligible_from, full_name, hand_over_due from parole_case where stage in (");
        List<Object> params = new java.util.ArrayList<>();
        for (Stage st : stages) {
            sql.append(params.isEmpty() ? "?" : ", ?");
            params.add(st.name());
        }
        sql.append(")");
        if (facility != null) {
            sql.append(" and facility = ?");
            params.add(facility);
        }
        if (serviceUnit != null) {
            sql.append(" and service_unit = ?");
            params.add(serviceUnit);
        }
        after(after, "filed_at", OffsetDateTime::parse, "after is not a queue position", sql, params);
        sql.append(" order by filed_at, id fetch first ? rows only");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new QueueRow(
                rs.getObject("id", UUID.class), new ParoleReference(rs.getString("reference")),
                rs.getString("facility"), Stage.valueOf(rs.getString("stage")), ParoleCases.instant(rs, "filed_at"),
                ParoleCases.instant(rs, "updated_at"), Outcome.valueOf(rs.getString("outcome")),
                rs.getObject("eligible_from", LocalDate.class), rs.getString("full_name"),
                ParoleCases.instant(rs, "hand_over_due"))).list().stream()
                .map(r -> r.withName(cipher.decrypt("parole.full_name", r.fullName()))).toList();
    }

    /**
     * Keyset paging: rows after the position {@code after} ({@code value|id}, as a row's position gives it; null from
     * the start) in the order {@code column, id}. A position that does not parse is refused with {@code problem}.
     */
    private static void after(String after, String column, java.util.function.Function<String, ?> value,
                              String problem, StringBuilder sql, List<Object> params) {
        if (after == null) {
            return;
        }
        int bar = after.indexOf('|');
        Object at;
        UUID id;
        try {
            at = value.apply(after.substring(0, bar));
            id = UUID.fromString(after.substring(bar + 1));
        } catch (RuntimeException e) {
            throw ParoleProblem.invalid(problem);
        }
        sql.append(" and (").append(column).append(" > ? or (").append(column).append(" = ? and id > ?))");
        params.add(at);
        params.add(at);
        params.add(id);
    }

    /** One case in a queue: what an officer needs to pick it (the name for those who may see the case). */
    public record QueueRow(UUID id, ParoleReference reference, String facility, Stage stage, Instant filedAt,
                           Instant updatedAt, Outcome outcome, LocalDate eligibleFrom, String fullName,
                           Instant handOverDue) {
        QueueRow withName(String name) {
            return new QueueRow(id, reference, facility, stage, filedAt, updatedAt, outcome, eligibleFrom, name,
                    handOverDue);
        }

        /** The keyset position after this row. */
        public String position() {
            return filedAt.atOffset(ZoneOffset.UTC) + "|" + id;
        }
    }

    /**
     * A facility's convicts still in APPLIED whose day of eligibility falls between the two days (inclusive),
     * soonest first (ties by case id), after the position ({@code eligibleFrom|id}, null from the start); at most
     * {@code limit} rows, all of them when {@code limit} is null. One range of the index
     * {@code (facility, stage, outcome, eligible_from, id)} (V93), read in order: no sort.
     */
    public List<EligibleSoon> eligibleSoon(String facility, LocalDate from, LocalDate to, String after,
                                           Integer limit) {
        StringBuilder sql = new StringBuilder("select id, reference, eligible_from, filed_at from parole_case "
                + "where facility = ? and stage = ? and outcome = ? and eligible_from between ? and ?");
        List<Object> params = new java.util.ArrayList<>(List.of(facility, Stage.APPLIED.name(),
                Outcome.ELIGIBLE_FROM.name(), from, to));
        after(after, "eligible_from", LocalDate::parse, "after is not a position in the eligible-soon list", sql,
                params);
        sql.append(" order by eligible_from, id");
        if (limit != null) {
            sql.append(" fetch first ? rows only");
            params.add(limit);
        }
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new EligibleSoon(rs.getObject("id", UUID.class),
                        new ParoleReference(rs.getString("reference")),
                        rs.getObject("eligible_from", LocalDate.class), ParoleCases.instant(rs, "filed_at")))
                .list();
    }

    /** A convict of the facility who becomes eligible soon (no personal data: the case page has it). */
    public record EligibleSoon(UUID id, ParoleReference reference, LocalDate eligibleFrom, Instant filedAt) {

        /** The position after this row in the list. */
        public String position() {
            return eligibleFrom + "|" + id;
        }
    }
}
