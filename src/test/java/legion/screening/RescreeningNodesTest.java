package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import legion.support.Applications;
import legion.support.Cases;
import legion.support.Eventually;
import legion.support.Http;
import legion.support.KeepsListVersions;
import legion.support.LegionProcess;
import legion.support.TestDatabase;

/**
 * Screening across real nodes (each its own JVM, one shared database): a server whose list is missing serves but holds
 * APPROVE; a node killed with SIGKILL in the middle of re-screening resumes after restart and screens every case
 * exactly once per list version; two nodes share the re-screening (each case once, counted per node).
 */
@Tag("integration")
@ExtendWith(KeepsListVersions.class)
class RescreeningNodesTest {

    static final String PW = Cases.PW;
    static final String V2 = "2026-03-06T00:00:00.000Z";
    static final int CASES = 120;

    @TempDir
    Path dir;

    String url() {
        return TestDatabase.postgres() ? TestDatabase.postgresUrl()
                : "jdbc:h2:file:" + dir.resolve("shared/legion") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    Path list() {
        return dir.resolve("un.xml");
    }

    void install(String version) throws Exception {
        Path tmp = dir.resolve("un.xml.tmp");
        Files.copy(Path.of("src/test/resources/screening/rescreen", version), tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, list(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    LegionProcess start(String node, String lists) throws Exception {
        return LegionProcess.start(dir.resolve(node), LegionProcess.freePort(), "384m", LegionProcess.demoOfficersAnd(
                "--spring.datasource.url=" + url(),
                "--legion.rate-limit.per-client-per-minute=1000000", "--legion.rate-limit.per-client-burst=100000",
                "--legion.screening.lists=" + lists, "--legion.screening.reload-interval-ms=500",
                "--legion.screening.interval-ms=200", "--legion.screening.batch=4", "--legion.screening.pause-ms=60",
                "--legion.screening.node=" + node)).awaitServing(Duration.ofSeconds(180));
    }

    List<String> seed(Http http, int n) {
        Random random = new Random(42);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder surname = new StringBuilder("Seed");
            for (int k = 0; k < 8; k++) {
                surname.append((char) ('a' + random.nextInt(26)));
            }
            Map<String, Object> body = Applications.valid("Volunteer", surname.toString(), "GB");
            body.put("email", surname.toString().toLowerCase() + "@example.net");
            body.put("dateOfBirth", (1970 + random.nextInt(35)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9));
            var r = http.postJson("/api/v1/enlistments", Http.json(body));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            refs.add(r.json().get("reference").stringValue());
        }
        return refs;
    }

    /** Runs against {@code version} per node, over the given cases only (the database may hold other tests' cases). */
    Map<String, Long> runsByNode(List<String> refs, String version) throws Exception {
        String in = String.join(",", Collections.nCopies(refs.size(), "?"));
        Map<String, Long> result = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("select r.node, count(*) "
                + "from screening_run r join enlistment e on e.id = r.enlistment_id where r.list = 'un' "
                + "and r.list_version = ? and e.reference in (" + in + ") group by r.node")) {
            s.setString(1, version);
            for (int i = 0; i < refs.size(); i++) {
                s.setString(i + 2, refs.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return result;
    }

    long total(List<String> refs, String version) throws Exception {
        return runsByNode(refs, version).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Cases screened more than once against one version, or with the same list entry recorded twice. */
    long screenedTwice() throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("select "
                + "(select count(*) from (select enlistment_id from screening_run group by enlistment_id, list, "
                + "list_version having count(*) > 1) x) + (select count(*) from (select enlistment_id from screening_hit "
                + "group by enlistment_id, list, list_id having count(*) > 1) y)");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Connection connect() throws Exception {
        return TestDatabase.postgres()
                ? DriverManager.getConnection(url(), TestDatabase.postgresUser(), TestDatabase.postgresPassword())
                : DriverManager.getConnection(url(), "sa", "");
    }

    @Test
    void aServerWhoseListIsMissingServesButHoldsApproval() throws Exception {
        // OFAC, which no other test configures: on a shared PostgreSQL, other tests' nodes (workers in this JVM) know
        // a version of 'un' and would screen this node's cases with it, as a second node rightly would
        LegionProcess node = start("missing", "ofac=/missing-ofac-dir");
        try {
            Http http = node.http();
            Map<String, Object> body = Applications.valid("Oskar", "Lindgren", "GB");
            body.put("email", "oskar.lindgren@example.net");
            String ref = http.postJson("/api/v1/enlistments", Http.json(body)).json().get("reference").stringValue();
            Cases.toVetting(http, ref, "embassy-gb");
            var held = Cases.act(http, ref, "vetting1", "{\"transition\":\"APPROVE\"}");
            assertThat(held.status()).as(held.body()).isEqualTo(409);
            assertThat(held.json().get("hold").stringValue()).isEqualTo("SCREENING_PENDING");
            assertThat(held.json().get("refusal").stringValue()).isEqualTo("HELD_BY_SCREENING");
            assertThat(Cases.screening(http, ref).get("status").stringValue()).isEqualTo("PENDING");
            var lists = http.get("/api/v1/screening/lists", "admin", PW).json().get(0);
            assertThat(lists.get("loaded").asBoolean()).isFalse();
            assertThat(lists.get("error").stringValue()).isNotBlank();
            assertThat(node.logText()).contains("screening: list 'ofac' could not be read")
                    .doesNotContain("Lindgren");
        } finally {
            node.stop();
        }
    }

    @Test
    void aNodeKilledMidRescreeningScreensEachCaseOncePerVersionAfterRestart() throws Exception {
        install("un-v1.xml");
        LegionProcess node = start("crash", "un=" + list());
        List<String> refs;
        try {
            refs = seed(node.http(), CASES);
            assertThat(Eventually.equalTo(0L, Duration.ofSeconds(120),
                    () -> waitingAmong(refs))).as("first screening done").isZero();
            install("un-v2.xml");
            long seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (seen < 8 && System.nanoTime() < deadline) {
                seen = total(refs, V2);
            }
            assertThat(seen).as("re-screening started").isGreaterThanOrEqualTo(8);
            node.kill();
        } catch (Exception | AssertionError e) {
            node.kill();
            throw e;
        }
        long atKill = total(refs, V2);
        assertThat(atKill).as("killed in the middle").isLessThan(CASES);
        LegionProcess again = start("crash", "un=" + list());
        try {
            assertThat(Eventually.equalTo((long) CASES, Duration.ofSeconds(180), () -> quietly(refs)))
                    .isEqualTo((long) CASES);
            assertThat(screenedTwice()).isZero();
        } finally {
            again.stop();
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "legion.test.db", matches = "postgres") // nodes share PostgreSQL, not H2
    void twoNodesShareTheRescreening() throws Exception {
        install("un-v1.xml");
        LegionProcess a = start("a", "un=" + list());
        LegionProcess b = null;
        try {
            b = start("b", "un=" + list());
            List<String> refs = seed(a.http(), CASES);
            assertThat(Eventually.equalTo(0L, Duration.ofSeconds(120), () -> waitingAmong(refs))).isZero();
            install("un-v2.xml");
            assertThat(Eventually.equalTo((long) CASES, Duration.ofSeconds(180), () -> quietly(refs)))
                    .isEqualTo((long) CASES);
            Map<String, Long> byNode = runsByNode(refs, V2);
            assertThat(byNode.keySet()).containsExactlyInAnyOrder("a", "b");
            assertThat(byNode.get("a") + byNode.get("b")).isEqualTo(CASES);
            assertThat(screenedTwice()).isZero();
        } finally {
            a.stop();
            if (b != null) {
                b.stop();
            }
        }
    }

    long quietly(List<String> refs) {
        try {
            return total(refs, V2);
        } catch (Exception e) {
            return -1;
        }
    }

    long waitingAmong(List<String> refs) {
        try {
            String in = String.join(",", Collections.nCopies(refs.size(), "?"));
            try (Connection c = connect(); PreparedStatement s = c.prepareStatement("select count(*) from enlistment e "
                    + "where e.reference in (" + in + ") and not exists (select 1 from screening_result r "
                    + "where r.enlistment_id = e.id)")) {
                for (int i = 0; i < refs.size(); i++) {
                    s.setString(i + 1, refs.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (Exception e) {
            return -1;
        }
    }
}
