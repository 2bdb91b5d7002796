package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys from the screening module's tables to the enlistment module's {@code enlistment} table
 * (ADR 0180): a module's tables reference another module's rows by id, as its code does through that module's API.
 * Each check cost PostgreSQL a look-up and a row lock on the case ({@code FOR KEY SHARE}, a write to the case's page)
 * for every screening row — about ten per application during a surge. Enlistments are never deleted (erasure blanks
 * their personal data), so nothing the keys guarded can happen through Legion.
 *
 * <p>Written in Java because the keys were declared inline: PostgreSQL named them {@code <table>_<column>_fkey}, H2
 * {@code CONSTRAINT_<hash>}; the database's own metadata tells each name.
 */
public class V114__screening_keys_within_module extends BaseJavaMigration {

    static final List<String> TABLES = List.of("screening_result", "screening_hit", "screening_duplicate",
            "screening_run", "screening_decision");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        DatabaseMetaData meta = c.getMetaData();
        boolean upper = meta.storesUpperCaseIdentifiers();
        for (String table : TABLES) {
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), c.getSchema(),
                    upper ? table.toUpperCase(Locale.ROOT) : table)) {
                while (rs.next()) {
                    if ("enlistment".equalsIgnoreCase(rs.getString("PKTABLE_NAME"))
                            && !keys.contains(rs.getString("FK_NAME"))) {
                        keys.add(rs.getString("FK_NAME"));
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String key : keys) {
                    s.execute("alter table " + table + " drop constraint \"" + key + "\"");
                }
            }
        }
    }
}
