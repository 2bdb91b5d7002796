package legion.arms.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's half of migration V51: every UPDATE or DELETE of a custody history row is refused. */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("arms_custody is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                "55000");
    }
}
