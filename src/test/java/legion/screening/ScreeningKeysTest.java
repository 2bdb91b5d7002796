package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import legion.support.LegionIntegrationTest;

/**
 * The screening module's tables reference cases by id, without a foreign key to the enlistment module's table
 * (migration V114, ADR 0180), on each database; the enlistment module's own tables keep theirs.
 */
@LegionIntegrationTest
class ScreeningKeysTest {

    @Autowired
    DataSource dataSource;

    @Test
    void screeningTablesHoldNoKeyToTheEnlistmentTableWhileTheCasesHistoryKeepsItsOwn() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("screening_result", "screening_hit", "screening_duplicate", "screening_run",
                    "screening_decision")) {
                assertThat(referenced(c, table)).as(table).doesNotContain("enlistment");
            }
            assertThat(referenced(c, "enlistment_history")).containsExactly("enlistment");
        }
    }

    private static List<String> referenced(Connection c, String table) throws Exception {
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), c.getSchema(),
                meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table)) {
            while (rs.next()) {
                tables.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }
}
