package legion.rules.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Published policy versions of every program in SQL ({@code rules_policy}): immutable, one row per (program, version). */
@Repository
public class PolicyStore {

    /** How long a node keeps using the version in force before reading it again. */
    public static final long CACHE_MILLIS = 5_000;
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COLUMNS = "select version, parameters, published_at, published_by, note, reevaluated_at "
            + "from rules_policy where program = ? ";

    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored version; its parameters as the program's JSON. */
    public record StoredPolicy(int version, String parameters, Instant publishedAt, String publishedBy, String note,
                               Instant reevaluatedAt) {
    }

    public Optional<StoredPolicy> latest(String program) {
        return jdbc.sql(COLUMNS + "order by version desc limit 1").param(program)
                .query((rs, n) -> map(rs)).optional();
    }

    public Optional<StoredPolicy> find(String program, int version) {
        return jdbc.sql(COLUMNS + "and version = ?").params(program, version).query((rs, n) -> map(rs)).optional();
    }

    public List<StoredPolicy> all(String program) {
        return jdbc.sql(COLUMNS + "order by version desc").param(program).query((rs, n) -> map(rs)).list();
    }

    /** Versions whose re-evaluation has not finished (a node stopped half-way), oldest first. */
    public List<Integer> unfinished(String program, Instant publishedBefore) {
        return jdbc.sql("select version from rules_policy where program = ? and reevaluated_at is null "
                        + "and published_at < ? order by version")
                .params(program, publishedBefore.atOffset(ZoneOffset.UTC)).query(Integer.class).list();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another publication took this version first */
    public void insert(String program, int version, String parameters, String by, String note) {
        jdbc.sql("insert into rules_policy (program, version, parameters, published_at, published_by, note) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(program, version, parameters, OffsetDateTime.now(ZoneOffset.UTC), by, note)
                .update();
    }

    /**
     * Stores a version unless this version number is taken, without failing: the first version and what a release
     * ships are published by whichever node (or thread) needs them first, inside its own work's transaction, which a
     * failed insert would abort on PostgreSQL. Whether this call stored it.
     */
    public boolean insertIfAbsent(String program, int version, String parameters, String by, String note) {
        return jdbc.sql("insert into rules_policy (program, version, parameters, published_at, published_by, note) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(program, version, parameters, OffsetDateTime.now(ZoneOffset.UTC), by, note)
                .update() == 1;
    }

    public void markReevaluated(String program, int version) {
        jdbc.sql("update rules_policy set reevaluated_at = ? where program = ? and version = ? "
                        + "and reevaluated_at is null")
                .params(OffsetDateTime.now(ZoneOffset.UTC), program, version).update();
    }

    private static StoredPolicy map(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime re = rs.getObject("reevaluated_at", OffsetDateTime.class);
        return new StoredPolicy(rs.getInt("version"), rs.getString("parameters"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("published_by"),
                rs.getString("note"), re == null ? null : re.toInstant());
    }
}
