package legion.eligibility;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import legion.eligibility.EligibilityPolicy.Assessment;
import legion.enlistment.Enlistment;
import tools.jackson.core.type.TypeReference;

/** The verdict history of cases in SQL: append-only, one row per (case, policy version). */
@Repository
class Verdicts {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    Verdicts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(UUID enlistmentId, int version) {
        return jdbc.sql("select count(*) from eligibility_verdict where enlistment_id = ? and policy_version = ?")
                .params(enlistmentId, version).query(Long.class).single() > 0;
    }

    /**
     * Records a verdict in the caller's transaction, with the outcome of the case's latest earlier verdict.
     *
     * @throws org.springframework.dao.DuplicateKeyException when this version already judged this case
     */
    /** The first verdict on a new case: nothing earlier to look up. */
    void addFirst(Enlistment e, Assessment a) {
        insert(e, a, null);
    }

    void add(Enlistment e, Assessment a) {
        Outcome previous = jdbc.sql("select outcome from eligibility_verdict where enlistment_id = ? "
                        + "and policy_version < ? order by policy_version desc limit 1")
                .params(e.id().value(), a.policyVersion()).query(String.class).optional()
                .map(Outcome::valueOf).orElse(null);
        insert(e, a, previous);
    }

    private void insert(Enlistment e, Assessment a, Outcome previous) {
        jdbc.sql("insert into eligibility_verdict (enlistment_id, policy_version, reference, outcome, "
                        + "previous_outcome, findings, evaluated_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(e.id().value(), a.policyVersion(), e.reference().value(), a.outcome().name(),
                        previous == null ? null : previous.name(), Policies.JSON.writeValueAsString(a.findings()),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    List<Verdict> of(UUID enlistmentId) {
        return jdbc.sql("select policy_version, outcome, previous_outcome, findings, evaluated_at "
                        + "from eligibility_verdict where enlistment_id = ? order by policy_version desc")
                .param(enlistmentId)
                .query((rs, n) -> new Verdict(rs.getInt(1), Outcome.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : Outcome.valueOf(rs.getString(3)),
                        Policies.JSON.readValue(rs.getString(4), FINDINGS),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The cases whose outcome this version changed, by reference. */
    List<OutcomeChange> changes(int version) {
        return jdbc.sql("select reference, previous_outcome, outcome from eligibility_verdict "
                        + "where policy_version = ? and previous_outcome is not null and previous_outcome <> outcome "
                        + "order by reference")
                .param(version)
                .query((rs, n) -> new OutcomeChange(rs.getString(1), Outcome.valueOf(rs.getString(2)),
                        Outcome.valueOf(rs.getString(3))))
                .list();
    }

    long count(int version) {
        return jdbc.sql("select count(*) from eligibility_verdict where policy_version = ?")
                .param(version).query(Long.class).single();
    }
}
