package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.CRC32;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The table of Spring Modulith's JDBC event publication registry ({@code event_publication}), created from the schema
 * file that the spring-modulith-events-jdbc jar itself ships for this database (H2 or PostgreSQL, schema version 2),
 * so the table is exactly what the registry's SQL expects. The two vendors' files differ (column types, a hash index
 * on PostgreSQL), which no single SQL file can express. The checksum is the file's: if an upgrade of Modulith
 * changes the schema, Flyway's validation fails loudly instead of leaving an old table behind (ADR 0040).
 */
public class V16__event_publication_registry extends BaseJavaMigration {

    private static final String SCHEMAS = "/org/springframework/modulith/events/jdbc/schemas/v2/schema-";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            for (String statement : schema(vendor(c)).split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement.strip());
                }
            }
        }
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(schema("h2").getBytes(StandardCharsets.UTF_8));
        crc.update(schema("postgresql").getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    static String vendor(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if ("H2".equals(product)) {
            return "h2";
        }
        if ("PostgreSQL".equals(product)) {
            return "postgresql";
        }
        throw new IllegalStateException("no event publication schema for " + product);
    }

    static String schema(String vendor) {
        try (InputStream in = V16__event_publication_registry.class.getResourceAsStream(SCHEMAS + vendor + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("spring-modulith-events-jdbc ships no schema for " + vendor);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
