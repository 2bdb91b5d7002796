package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the database itself refuse UPDATE and DELETE of the arms register's custody history ({@code arms_custody}):
 * a trigger on each database the project runs on, as each writes triggers. One migration for both, so the set of
 * migrations stays one: PostgreSQL gets a PL/pgSQL function (and refuses TRUNCATE too), H2 a Java trigger class.
 */
public class V51__arms_append_only extends BaseJavaMigration {

    static final String H2_TRIGGER = "legion.arms.internal.AppendOnlyTrigger";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String product = c.getMetaData().getDatabaseProductName();
        try (Statement s = c.createStatement()) {
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                s.execute("create function arms_refuse_change() returns trigger language plpgsql as $$ begin "
                        + "raise exception 'arms_custody is append-only: % refused', tg_op using errcode = '55000'; "
                        + "end $$");
                s.execute("create trigger arms_custody_append_only before update or delete on arms_custody "
                        + "for each row execute function arms_refuse_change()");
                s.execute("create trigger arms_custody_no_truncate before truncate on arms_custody "
                        + "for each statement execute function arms_refuse_change()");
            } else if (product.equalsIgnoreCase("H2")) {
                s.execute("create trigger arms_custody_append_only before update, delete on arms_custody "
                        + "for each row call '" + H2_TRIGGER + "'");
            } else {
                throw new SQLException("no append-only trigger for " + product);
            }
        }
    }
}
