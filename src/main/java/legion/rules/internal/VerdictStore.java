package legion.rules.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import legion.rules.Assessment;
import legion.rules.Finding;
import legion.rules.Outcome;
import legion.rules.OutcomeChange;
import legion.rules.Verdict;
import legion.shared.Writes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The verdict history of every program's subjects in SQL ({@code rules_verdict}): append-only, one row per
 * (program, subject, policy version). */
@Repository
public class VerdictStore {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    /**
     * Findings as stored: without the fields a finding does not have (no source, detail or date; no arguments). A
     * verdict holds a finding for every rule, most of them a bare PASS; written in full they made a row of 1,400
     * bytes, the largest of an application. Read back, an absent field is null (arguments empty), as written.
     */
    private static final JsonMapper STORED = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    private final Writes writes;
    private final JdbcClient jdbc;

    VerdictStore(JdbcClient jdbc, Writes writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    public boolean exists(String program, String subjectId, int version) {
        return jdbc.sql("select count(*) from rules_verdict where program = ? and subject_id = ? and policy_version = ?")
                .params(program, subjectId, version).query(Long.class).single() > 0;
    }

    /**
     * Records a verdict in the caller's transaction, with the outcome of the subject's latest earlier verdict.
     *
     * @throws org.springframework.dao.DuplicateKeyException when this version already judged this subject
     */
    public void add(String program, String subjectId, String reference, Assessment a) {
        Outcome previous = jdbc.sql("select outcome from rules_verdict where program = ? and subject_id = ? "
                        + "and policy_version < ? order by policy_version desc limit 1")
                .params(program, subjectId, a.policyVersion()).query(String.class).optional()
                .map(Outcome::valueOf).orElse(null);
        insert(program, subjectId, reference, a, previous);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when this version already judged this subject */
    public void insert(String program, String subjectId, String reference, Assessment a, Outcome previous) {
        writes.insert("insert into rules_verdict (program, subject_id, policy_version, reference, outcome, "
                        + "previous_outcome, findings, evaluated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                program, subjectId, a.policyVersion(), reference, a.outcome().name(),
                previous == null ? null : previous.name(), STORED.writeValueAsString(a.findings()),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    public List<Verdict> of(String program, String subjectId) {
        return jdbc.sql("select policy_version, outcome, previous_outcome, findings, evaluated_at "
                        + "from rules_verdict where program = ? and subject_id = ? order by policy_version desc")
                .params(program, subjectId)
                .query((rs, n) -> new Verdict(rs.getInt(1), Outcome.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : Outcome.valueOf(rs.getString(3)),
                        STORED.readValue(rs.getString(4), FINDINGS),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The subjects whose outcome this version changed, by reference. */
    public List<OutcomeChange> changes(String program, int version) {
        return jdbc.sql("select reference, previous_outcome, outcome from rules_verdict where program = ? "
                        + "and policy_version = ? and previous_outcome is not null and previous_outcome <> outcome "
                        + "order by reference")
                .params(program, version)
                .query((rs, n) -> new OutcomeChange(rs.getString(1), Outcome.valueOf(rs.getString(2)),
                        Outcome.valueOf(rs.getString(3))))
                .list();
    }

    public long count(String program, int version) {
        return jdbc.sql("select count(*) from rules_verdict where program = ? and policy_version = ?")
                .params(program, version).query(Long.class).single();
    }
}
