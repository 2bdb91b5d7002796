package legion.embassy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.shared.Actor;
import legion.shared.CountryCodes;
import legion.shared.Role;

/**
 * Embassies and the routing table. Routing is read on every submission, so it is cached for a few seconds;
 * a change made on another node is seen within {@link #CACHE_MILLIS}.
 */
@Service
public class Embassies {

    static final long CACHE_MILLIS = 5_000;

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    Embassies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Snapshot(Map<String, Embassy> embassies, Map<String, String> routes, Embassy hq, long loadedAt) {
    }

    /** The embassy responsible for a volunteer residing in the given country; the HQ queue when none is. */
    public Embassy route(String countryOfResidence) {
        Snapshot s = snapshot();
        String code = s.routes().get(countryOfResidence);
        Embassy embassy = code == null ? null : s.embassies().get(code);
        return embassy == null ? s.hq() : embassy;
    }

    public Optional<Embassy> find(String code) {
        return Optional.ofNullable(snapshot().embassies().get(code));
    }

    public List<Embassy> all() {
        return snapshot().embassies().values().stream()
                .sorted((a, b) -> a.hq() != b.hq() ? (a.hq() ? -1 : 1) : a.name().compareTo(b.name()))
                .toList();
    }

    public List<Route> routes() {
        return jdbc.sql("select country, embassy_code, changed_at, changed_by from embassy_route order by country")
                .query((rs, n) -> new Route(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4)))
                .list();
    }

    /**
     * Sends volunteers residing in {@code country} to {@code embassyCode} from now on (existing cases stay where
     * they are). Only administrators change routing.
     */
    @Transactional
    public void changeRoute(Actor actor, String country, String embassyCode) {
        if (actor.role() != Role.ADMINISTRATOR) {
            throw new SecurityException("only administrators change routing");
        }
        if (!CountryCodes.isValid(country)) {
            throw new RouteRefusedException(RouteRefusedException.Reason.UNKNOWN_COUNTRY, "unknown country code");
        }
        if (find(embassyCode).isEmpty()) {
            throw new RouteRefusedException(RouteRefusedException.Reason.UNKNOWN_EMBASSY, "unknown embassy");
        }
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("update embassy_route set embassy_code = ?, changed_at = ?, changed_by = ? where country = ?")
                .params(embassyCode, now, actor.id(), country).update();
        if (updated == 0) {
            jdbc.sql("insert into embassy_route (country, embassy_code, changed_at, changed_by) values (?, ?, ?, ?)")
                    .params(country, embassyCode, now, actor.id()).update();
        }
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || System.currentTimeMillis() - s.loadedAt() > CACHE_MILLIS) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        Map<String, Embassy> embassies = jdbc.sql("select code, name, city, country, hq from embassy")
                .query((rs, n) -> new Embassy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .list().stream().collect(Collectors.toMap(Embassy::code, Function.identity()));
        Map<String, String> routes = new ConcurrentHashMap<>();
        jdbc.sql("select country, embassy_code from embassy_route")
                .query((rs, n) -> routes.put(rs.getString(1), rs.getString(2))).list();
        Embassy hq = embassies.values().stream().filter(Embassy::hq).findFirst()
                .orElseThrow(() -> new IllegalStateException("no HQ embassy configured"));
        return new Snapshot(Map.copyOf(embassies), Map.copyOf(routes), hq, System.currentTimeMillis());
    }
}
