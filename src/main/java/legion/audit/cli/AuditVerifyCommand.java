package legion.audit.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import legion.audit.AuditChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audit-verify}: recomputes the audit log's hash chain in the configured database and reports the first
 * changed, removed or reordered entry. Exit 0 when intact, 1 when tampered with, 2 when it cannot check.
 */
@Command(name = "audit-verify", mixinStandardHelpOptions = true,
        description = "Verify the hash chain of the audit log (exit 0 intact, 1 tampered, 2 cannot check).")
public class AuditVerifyCommand implements Callable<Integer> {

    @Option(names = "--spring.datasource.url", description = "JDBC URL (default: the embedded H2 under --legion.data-dir, or $SPRING_DATASOURCE_URL)")
    String url;

    @Option(names = "--spring.datasource.username", description = "database user (default $SPRING_DATASOURCE_USERNAME or sa)")
    String username;

    @Option(names = "--spring.datasource.password", description = "database password (default $SPRING_DATASOURCE_PASSWORD)")
    String password;

    @Option(names = "--legion.data-dir", description = "data directory of the embedded database (default ./data)")
    Path dataDir = Path.of("data");

    @Override
    public Integer call() {
        String jdbcUrl = url != null ? url : env("SPRING_DATASOURCE_URL", null);
        if (jdbcUrl == null) {
            Path file = dataDir.resolve("legion.mv.db");
            if (!file.toFile().exists()) {
                System.err.println("audit-verify: no database at " + file.toAbsolutePath()
                        + " (give --legion.data-dir or --spring.datasource.url)");
                return 2;
            }
            jdbcUrl = "jdbc:h2:file:" + dataDir.resolve("legion").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE";
        }
        String user = username != null ? username : env("SPRING_DATASOURCE_USERNAME", jdbcUrl.startsWith("jdbc:h2") ? "sa" : null);
        String pass = password != null ? password : env("SPRING_DATASOURCE_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, pass)) {
            c.setReadOnly(true);
            AuditChain.Verification v = AuditChain.verify(c);
            if (v.intact()) {
                System.out.println("INTACT: " + v.sealed() + " audit entries verified"
                        + (v.unsealed() > 0 ? "; " + v.unsealed() + " newer entries not yet sealed" : ""));
                return 0;
            }
            System.out.println("TAMPERED: " + v.problem() + " (chain intact up to position " + v.sealed() + ")");
            return 1;
        } catch (SQLException e) {
            System.err.println("audit-verify: cannot read the audit log: " + e.getClass().getSimpleName()
                    + " (SQL state " + e.getSQLState() + ")");
            return 2;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
