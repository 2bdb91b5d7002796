package legion.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class that loads watchlists of its own on the shared PostgreSQL of its test JVM: the list versions
 * recorded there are the cluster's, so the other cached test applications (with the usual test list) stop screening
 * while another version is recorded, exactly as a node with an outdated list must. This puts the recorded versions
 * back as they were before the class, so that the tests after it find their nodes screening again. Nothing on H2,
 * where each test application has its own database.
 */
public final class KeepsListVersions implements BeforeAllCallback, AfterAllCallback {

    private record Row(String source, String version, int entries, Timestamp loadedAt) {
    }

    private final List<Row> before = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!TestDatabase.postgres()) {
            return;
        }
        before.clear();
        try (Connection c = TestDatabase.connect(TestDatabase.postgresUrl()); Statement s = c.createStatement()) {
            if (!c.getMetaData().getTables(null, null, "screening_list", null).next()) {
                return; // a fresh database: nothing recorded yet
            }
            try (ResultSet rs = s.executeQuery("select source, version, entries, loaded_at from screening_list")) {
                while (rs.next()) {
                    before.add(new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4)));
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (!TestDatabase.postgres() || before.isEmpty()) {
            return;
        }
        try (Connection c = TestDatabase.connect(TestDatabase.postgresUrl()); Statement s = c.createStatement();
             PreparedStatement insert = c.prepareStatement(
                     "insert into screening_list (source, version, entries, loaded_at) values (?, ?, ?, ?)")) {
            s.executeUpdate("delete from screening_list");
            for (Row r : before) {
                insert.setString(1, r.source());
                insert.setString(2, r.version());
                insert.setInt(3, r.entries());
                insert.setTimestamp(4, r.loadedAt());
                insert.executeUpdate();
            }
        }
    }
}
