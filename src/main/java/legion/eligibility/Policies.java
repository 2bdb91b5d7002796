package legion.eligibility;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Published policy versions in SQL. The current one is read on every submission, so it is cached for a few seconds;
 * a version published on another node is used here within {@link #CACHE_MILLIS}. Version 1 is created on first use
 * from the shipped defaults and {@code legion.eligibility.excluded-nationalities}.
 */
@Repository
class Policies {

    static final long CACHE_MILLIS = 5_000;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Set<String> excludedByDefault;
    private volatile Cached cached;

    private record Cached(PublishedPolicy policy, long loadedAt) {
    }

    Policies(JdbcClient jdbc, @Value("${legion.eligibility.excluded-nationalities:RU}") Set<String> excluded) {
        this.jdbc = jdbc;
        this.excludedByDefault = excluded.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(String::toUpperCase).collect(java.util.stream.Collectors.toSet());
    }

    PublishedPolicy current() {
        Cached c = cached;
        if (c != null && System.currentTimeMillis() - c.loadedAt() < CACHE_MILLIS) {
            return c.policy();
        }
        PublishedPolicy latest = latest().orElseGet(this::seed);
        cached = new Cached(latest, System.currentTimeMillis());
        return latest;
    }

    void forget() {
        cached = null;
    }

    private PublishedPolicy seed() {
        try {
            insert(1, PolicyParameters.defaults(excludedByDefault), "system", "Shipped default policy");
        } catch (DuplicateKeyException e) {
            // another node (or thread) seeded it at the same moment
        }
        return latest().orElseThrow();
    }

    Optional<PublishedPolicy> latest() {
        return jdbc.sql("select version, parameters, published_at, published_by, note, reevaluated_at "
                        + "from eligibility_policy order by version desc limit 1")
                .query((rs, n) -> map(rs)).optional();
    }

    Optional<PublishedPolicy> find(int version) {
        return jdbc.sql("select version, parameters, published_at, published_by, note, reevaluated_at "
                        + "from eligibility_policy where version = ?")
                .param(version).query((rs, n) -> map(rs)).optional();
    }

    List<PublishedPolicy> all() {
        return jdbc.sql("select version, parameters, published_at, published_by, note, reevaluated_at "
                        + "from eligibility_policy order by version desc")
                .query((rs, n) -> map(rs)).list();
    }

    /** Versions whose re-evaluation has not finished (a node stopped half-way), oldest first. */
    List<Integer> unfinished(Instant publishedBefore) {
        return jdbc.sql("select version from eligibility_policy where reevaluated_at is null and published_at < ? "
                        + "order by version")
                .param(publishedBefore.atOffset(ZoneOffset.UTC)).query(Integer.class).list();
    }

    /** @throws DuplicateKeyException when another publication took this version number first */
    void insert(int version, PolicyParameters parameters, String by, String note) {
        jdbc.sql("insert into eligibility_policy (version, parameters, published_at, published_by, note) "
                        + "values (?, ?, ?, ?, ?)")
                .params(version, JSON.writeValueAsString(parameters), OffsetDateTime.now(ZoneOffset.UTC), by, note)
                .update();
        forget();
    }

    void markReevaluated(int version) {
        jdbc.sql("update eligibility_policy set reevaluated_at = ? where version = ? and reevaluated_at is null")
                .params(OffsetDateTime.now(ZoneOffset.UTC), version).update();
    }

    private static PublishedPolicy map(java.sql.ResultSet rs) throws java.sql.SQLException {
        PolicyParameters p = JSON.readValue(rs.getString("parameters"), PolicyParameters.class);
        OffsetDateTime re = rs.getObject("reevaluated_at", OffsetDateTime.class);
        return new PublishedPolicy(new EligibilityPolicy(rs.getInt("version"), p),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("published_by"),
                rs.getString("note"), re == null ? null : re.toInstant());
    }
}
