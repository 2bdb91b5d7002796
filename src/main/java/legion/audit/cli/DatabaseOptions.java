package legion.audit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

import legion.audit.AuditChain;
import legion.audit.AuditKeys;
import picocli.CommandLine.Option;

/** The options both audit subcommands take: where the database is and which audit MAC key sealed it. */
public class DatabaseOptions {

    /** Input the subcommand cannot check with: exit 2 with this message. */
    static final class CannotCheck extends Exception {
        CannotCheck(String message) {
            super(message);
        }
    }

    @Option(names = "--spring.datasource.url", description = "JDBC URL (default: the embedded H2 under --legion.data-dir, or $SPRING_DATASOURCE_URL)")
    String url;

    @Option(names = "--spring.datasource.username", description = "database user (default $SPRING_DATASOURCE_USERNAME or sa)")
    String username;

    @Option(names = "--spring.datasource.password", description = "database password (default $SPRING_DATASOURCE_PASSWORD)")
    String password;

    @Option(names = "--legion.data-dir", description = "data directory: the embedded database, the generated audit "
            + "MAC key and the node's last signed head (default ./data)")
    Path dataDir = Path.of("data");

    @Option(names = "--legion.audit.mac-key", description = "the audit MAC key, base64 (default $LEGION_AUDIT_MAC_KEY, "
            + "else the key file in --legion.data-dir)")
    String macKey;

    String jdbcUrl() throws CannotCheck {
        String jdbcUrl = url != null ? url : env("SPRING_DATASOURCE_URL", null);
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        Path file = dataDir.resolve("legion.mv.db");
        if (!Files.exists(file)) {
            throw new CannotCheck("no database at " + file.toAbsolutePath()
                    + " (give --legion.data-dir or --spring.datasource.url)");
        }
        return "jdbc:h2:file:" + dataDir.resolve("legion").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE";
    }

    String user(String jdbcUrl) {
        return username != null ? username : env("SPRING_DATASOURCE_USERNAME", jdbcUrl.startsWith("jdbc:h2") ? "sa" : null);
    }

    String password() {
        return password != null ? password : env("SPRING_DATASOURCE_PASSWORD", "");
    }

    /** A connection for reading in one transaction (so that PostgreSQL streams with a cursor). */
    Connection connect() throws CannotCheck, SQLException {
        String jdbcUrl = jdbcUrl();
        Connection c = DriverManager.getConnection(jdbcUrl, user(jdbcUrl), password());
        c.setAutoCommit(false);
        c.setReadOnly(true);
        return c;
    }

    AuditChain chain() throws CannotCheck {
        try {
            String configured = macKey != null ? macKey : env("LEGION_AUDIT_MAC_KEY", null);
            Optional<AuditChain> chain = configured != null ? AuditKeys.configured(configured)
                    : AuditKeys.fromDataDir(dataDir);
            return chain.orElseThrow(() -> new CannotCheck("no audit MAC key: give --legion.audit.mac-key (as "
                    + "configured on the nodes) or the --legion.data-dir holding keys/audit-mac.key"));
        } catch (IllegalArgumentException e) {
            throw new CannotCheck(e.getMessage());
        } catch (IOException e) {
            throw new CannotCheck("cannot read the audit MAC key file in " + dataDir.toAbsolutePath());
        }
    }

    static String describe(SQLException e) {
        return e.getClass().getSimpleName() + " (SQL state " + e.getSQLState() + ")";
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
