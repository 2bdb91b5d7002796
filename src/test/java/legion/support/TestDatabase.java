package legion.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points integration tests at the database under test: an in-memory H2 in PostgreSQL mode by default, or a real
 * PostgreSQL when the system property {@code legion.test.db=postgres} is set (the second Surefire execution,
 * run by {@code .ci/run}). The PostgreSQL test schema is emptied once per JVM, then Flyway migrates it.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static volatile boolean postgresCleaned;

    /** The second-factor key of every demo officer in tests (base32). */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /** The password of every demo officer in tests. */
    public static final String DEMO_PASSWORD = "demo-password";

    /** The current one-time code of the demo officers. */
    public static String code() {
        return legion.access.Totp.code(TOTP_SECRET, java.time.Instant.now());
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("legion.test.db"));
    }

    /**
     * The test database: the given URL, or in the PostgreSQL run with several test JVMs that database's name with the
     * JVM's number appended ({@code legion_test_1}, {@code legion_test_2} ...), so test JVMs never share a database.
     */
    public static String postgresUrl() {
        String url = System.getProperty("legion.test.postgres.url", "jdbc:postgresql://localhost:5432/legion_test");
        String fork = System.getProperty("legion.test.postgres.fork", "");
        return fork.matches("\\d+") ? suffixed(url, fork) : url;
    }

    /** The URL of the database named as {@code url}'s with {@code _suffix} appended (its parameters kept). */
    private static String suffixed(String url, String suffix) {
        int query = url.indexOf('?');
        return query < 0 ? url + "_" + suffix : url.substring(0, query) + "_" + suffix + url.substring(query);
    }

    /** A connection to the PostgreSQL database at {@code url} as the test role. */
    public static Connection connect(String url) throws java.sql.SQLException {
        return DriverManager.getConnection(url, postgresUser(), postgresPassword());
    }

    /**
     * A PostgreSQL database of the caller's own beside the test database ({@code <name>_<suffix>}, made afresh), for
     * real processes that must not meet the cached test applications of this JVM, whose background jobs work the
     * shared test database; its URL. Needs the {@code CREATEDB} right ({@code .ci/run} grants it to the test role).
     */
    public static String ownPostgresDatabase(String suffix) {
        String url = postgresUrl();
        String own = suffixed(url, suffix);
        String base = own.contains("?") ? own.substring(0, own.indexOf('?')) : own;
        String name = base.substring(base.lastIndexOf('/') + 1);
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the database " + name + " (the test role needs CREATEDB)", e);
        }
        return own;
    }

    public static String postgresUser() {
        return System.getProperty("legion.test.postgres.user", "legion");
    }

    public static String postgresPassword() {
        return System.getProperty("legion.test.postgres.password", "legion");
    }

    /** The audit MAC key of every test application (base64 of 32 bytes), shared as the nodes of a cluster share it. */
    public static final String AUDIT_MAC_KEY = java.util.Base64.getEncoder().encodeToString(
            "legion-test-audit-mac-key-32byte".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /**
     * Every test application shares one database on PostgreSQL, so they share the data keys and the password of the
     * signing keystore too, as the nodes of a cluster must (otherwise one context could not read what another wrote).
     */
    public static final Map<String, Object> PRIVACY_KEYS = Map.of(
            "legion.authorization.keystore-password", "test-keystore-password",
            "legion.audit.mac-key", AUDIT_MAC_KEY,
            "legion.privacy.keys", "t1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
            "legion.privacy.current-key", "t1",
            "legion.privacy.index-key", java.util.Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));

    /** Settings of every test application and test node that only make tests cheaper (bcrypt's lowest cost). */
    public static final Map<String, Object> CHEAPER = Map.of("legion.access.password-hash-cost", "4");

    /**
     * Rate limits far above what a test sends from its one address (in-process applications and the processes
     * {@link LegionProcess} starts alike); RateLimitTest and the officer-API limit tests set their own.
     */
    public static final Map<String, String> GENEROUS_LIMITS = Map.of(
            "legion.rate-limit.per-client-per-minute", "1000000",
            "legion.rate-limit.per-client-burst", "100000",
            "legion.rate-limit.officer-api.per-client-per-minute", "1000000",
            "legion.rate-limit.officer-api.per-client-burst", "100000",
            "legion.rate-limit.officer-api.per-account-per-minute", "1000000",
            "legion.rate-limit.officer-api.per-account-burst", "100000");

    /** The datasource properties of the database under test (a fresh one per call for H2), and the data keys. */
    public static Map<String, Object> properties() {
        Map<String, Object> props = new java.util.HashMap<>(PRIVACY_KEYS);
        props.putAll(CHEAPER);
        if (postgres()) {
            cleanPostgresOnce();
            props.putAll(Map.of("spring.datasource.url", postgresUrl(), "spring.datasource.username", postgresUser(),
                    "spring.datasource.password", postgresPassword()));
            return props;
        }
        props.putAll(Map.of("spring.datasource.url", "jdbc:h2:mem:legion-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa", "spring.datasource.password", ""));
        return props;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> props = new java.util.HashMap<>(properties());
        // many cached test contexts share one PostgreSQL: small pools, idle connections given back
        props.put("spring.datasource.hikari.maximum-pool-size", "6");
        props.put("spring.datasource.hikari.minimum-idle", "1");
        props.put("spring.datasource.hikari.idle-timeout", "10000");
        props.put("legion.demo.password", DEMO_PASSWORD);
        props.put("legion.demo.totp-secret", TOTP_SECRET);
        if (!context.getEnvironment().containsProperty("legion.screening.lists")) {
            props.put("legion.screening.lists", "un=src/test/resources/screening/un-extract.xml");
        }
        if (!context.getEnvironment().containsProperty("legion.access.totp-replay-protection")) {
            // tests sign the same officer in many times within one 30-second step; TwoFactorTest checks replays
            props.put("legion.access.totp-replay-protection", "false");
        }
        // tests send many requests from one address; RateLimitTest checks the limits with its own settings
        GENEROUS_LIMITS.forEach((k, v) -> {
            if (k.startsWith("legion.rate-limit.per-client")
                    && !context.getEnvironment().containsProperty("legion.rate-limit.per-client-burst")) {
                props.put(k, v);
            }
        });
        // many cached test applications share a JVM: one screening worker each, polling every 2 s, unless a test says
        for (String[] kv : new String[][] {{"legion.screening.workers", "1"}, {"legion.screening.interval-ms", "2000"}}) {
            if (!context.getEnvironment().containsProperty(kv[0])) {
                props.put(kv[0], kv[1]);
            }
        }
        // tests run many requests at once from one address; SlowClientsTest checks this limit with its own setting
        if (!context.getEnvironment().containsProperty("legion.web.max-requests-per-client")) {
            props.put("legion.web.max-requests-per-client", "10000");
        }
        GENEROUS_LIMITS.forEach((k, v) -> {
            if (k.startsWith("legion.rate-limit.officer-api.")
                    && !context.getEnvironment().containsProperty("legion.rate-limit.officer-api.per-client-burst")) {
                props.put(k, v);
            }
        });
        props.put("legion.data-dir", System.getProperty("java.io.tmpdir") + "/legion-test-" + UUID.randomUUID());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("legion-test-db", props));
    }

    private static synchronized void cleanPostgresOnce() {
        if (postgresCleaned) {
            return;
        }
        try (Connection c = connect(postgresUrl());
             Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL for tests is not reachable at " + postgresUrl()
                    + " (run .ci/run, or set -Dlegion.test.postgres.url)", e);
        }
        postgresCleaned = true;
    }
}
