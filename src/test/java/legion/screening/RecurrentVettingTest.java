package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import legion.authorization.IssuedAuthorizations;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.Cases;
import legion.support.ConsoleSession;
import legion.support.Eventually;
import legion.support.Http;
import legion.support.KeepsListVersions;
import legion.support.LegionIntegrationTest;

/**
 * Recurrent vetting: when the UN list's version changes (the real file replaced, reloaded every 300 ms), every case of
 * the vetted stages is screened again against the new version, once; a new hit on an authorized volunteer is flagged
 * to vetting officers (queue filter, case page) and the border page tells the guard to refer to second line.
 */
@LegionIntegrationTest
@ExtendWith(KeepsListVersions.class)
@TestPropertySource(properties = {"legion.screening.lists=un=target/rescreen/un.xml",
        "legion.screening.reload-interval-ms=300", "legion.screening.interval-ms=300"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecurrentVettingTest {

    static final Path LIST = Path.of("target/rescreen/un.xml");
    static final String V1 = "2026-02-27T00:00:09.554Z";
    static final String V2 = "2026-03-06T00:00:00.000Z";

    @LocalServerPort
    int port;
    @Autowired
    Enlistments enlistments;
    @Autowired
    IssuedAuthorizations issued;
    @Autowired
    JdbcClient jdbc;

    /** Runs before the context starts: the node starts with version 1 of the list, whatever an earlier run left. */
    @DynamicPropertySource
    static void listVersionOne(DynamicPropertyRegistry registry) throws Exception {
        install("un-v1.xml");
        registry.add("legion.screening.batch", () -> "20");
    }

    static void install(String version) throws Exception {
        Files.createDirectories(LIST.getParent());
        Path tmp = LIST.resolveSibling("un.xml.tmp");
        Files.copy(Path.of("src/test/resources/screening/rescreen", version), tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, LIST, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    String submit(Http http, String given, String surname) {
        Map<String, Object> body = Applications.valid(given, surname, "GB");
        body.put("email", given.toLowerCase() + "." + surname.toLowerCase() + "@example.net");
        return http.postJson("/api/v1/enlistments", Http.json(body)).json().get("reference").stringValue();
    }

    long runs(String ref, String version) {
        var id = enlistments.findByReference(new Reference(ref)).orElseThrow().id().value();
        return jdbc.sql("select count(*) from screening_run where enlistment_id = ? and list = 'un' and list_version = ?")
                .params(id, version).query(Long.class).single();
    }

    @Test
    @Order(1)
    void aListChangeRescreensAnAuthorizedVolunteerAndRaisesTheFlag() throws Exception {
        Http http = new Http(port);
        String authorized = submit(http, "Zebulon", "Quartermaine");
        Cases.authorize(http, authorized, "embassy-gb");
        assertThat(Cases.screening(http, authorized).get("hits").size()).isZero();
        String open = submit(http, "Quentin", "Marlowe");
        String rejected = submit(http, "Rufus", "Pennyworth");
        assertThat(Cases.act(http, rejected, "embassy-gb", "{\"transition\":\"START_REVIEW\"}").status()).isEqualTo(200);
        assertThat(Cases.act(http, rejected, "embassy-gb",
                "{\"transition\":\"REJECT\",\"reasonCode\":\"OTHER\",\"reason\":\"no\"}").status()).isEqualTo(200);
        assertThat(Eventually.equalTo(1L, Duration.ofSeconds(30), () -> runs(open, V1))).isEqualTo(1L);
        // the rejected case's own first screening (queued at its submission) is done before the list changes
        assertThat(Eventually.equalTo(1L, Duration.ofSeconds(30), () -> runs(rejected, V1))).isEqualTo(1L);

        install("un-v2.xml");
        assertThat(Eventually.equalTo(1L, Duration.ofSeconds(60), () -> runs(authorized, V2))).isEqualTo(1L);
        assertThat(Eventually.equalTo(1L, Duration.ofSeconds(60), () -> runs(open, V2))).isEqualTo(1L);
        assertThat(runs(rejected, V2)).as("decided cases are not screened again").isZero();

        var screened = Cases.screening(http, authorized);
        assertThat(screened.get("status").stringValue()).isEqualTo("SCREENED");
        assertThat(screened.get("listVersions").get("un").stringValue()).isEqualTo(V2);
        assertThat(screened.get("hits").size()).isEqualTo(1);
        assertThat(screened.get("hits").get(0).get("listId").stringValue()).isEqualTo("9900001");
        assertThat(screened.get("hits").get(0).get("status").stringValue()).isEqualTo("OPEN");
        assertThat(Cases.screening(http, open).get("hits").size()).isZero();

        // flagged to vetting officers: the queue filter and the case page
        ConsoleSession vetting = ConsoleSession.login(port, "vetting1", "demo-password");
        String queue = vetting.get("/console/cases?flagged=true&lang=en").body();
        assertThat(queue).contains(authorized).doesNotContain(open);
        assertThat(vetting.get("/console/cases/" + authorized).body()).contains("id=\"refer-second-line\"");
        assertThat(vetting.get("/console/cases/" + open).body()).doesNotContain("id=\"refer-second-line\"");

        // the border page, checking the seal online
        var id = enlistments.findByReference(new Reference(authorized)).orElseThrow().id().value();
        String hex = HexFormat.of().formatHex(issued.find(id).orElseThrow().seal());
        ConsoleSession guard = ConsoleSession.login(port, "border1", "demo-password");
        var page = guard.get("/console/border?lang=en");
        String checked = guard.postWithToken("/console/border", page, Map.of("checkpoint", "Shehyni", "hex", hex)).body();
        assertThat(checked).contains("id=\"second-line\"").contains("Refer to second line");

        // the list reloaded again at the same version changes nothing: each case once per version
        install("un-v2.xml");
        assertThat(runs(authorized, V2)).isEqualTo(1L);
        assertThat(runs(authorized, V1)).isEqualTo(1L);
    }

    String currentVersion() {
        return jdbc.sql("select version from screening_list where source = 'un'").query(String.class).optional()
                .orElse("");
    }

    /**
     * A hit found after APPROVE (the list changed while the case waited for its travel authorization) holds AUTHORIZE
     * as it holds APPROVE ({@code 409}, {@code "hold": "WATCHLIST_HIT"}), until two officers clear it.
     */
    @Test
    @Order(2)
    void aNewHitOnAnApprovedCaseHoldsAuthorizeUntilCleared() throws Exception {
        install("un-v1.xml"); // whatever the test before left: the person is not listed yet
        assertThat(Eventually.equalTo(V1, Duration.ofSeconds(30), this::currentVersion)).isEqualTo(V1);
        Http http = new Http(port);
        String approved = submit(http, "Zebulon", "Quartermaine");
        Cases.toVetting(http, approved, "embassy-gb");
        Cases.approve(http, approved);
        assertThat(Cases.screening(http, approved).get("hits").size()).isZero();

        install("un-v2.xml");
        assertThat(Eventually.equalTo(1L, Duration.ofSeconds(60), () -> runs(approved, V2))).isEqualTo(1L);
        Http.Response held = Cases.act(http, approved, "vetting1", "{\"transition\":\"AUTHORIZE\"}");
        assertThat(held.status()).as(held.body()).isEqualTo(409);
        assertThat(held.json().get("refusal").stringValue()).isEqualTo("HELD_BY_SCREENING");
        assertThat(held.json().get("hold").stringValue()).isEqualTo("WATCHLIST_HIT");
        assertThat(enlistments.findByReference(new Reference(approved)).orElseThrow().stage().name())
                .isEqualTo("APPROVED");

        var hit = Cases.screening(http, approved).get("hits").get(0);
        assertThat(hit.get("listId").stringValue()).isEqualTo("9900001");
        String path = "/api/v1/enlistments/" + approved + "/screening/hits/" + hit.get("id").asLong();
        assertThat(http.postJsonAs(path, "{\"decision\":\"CLEAR\"}", "vetting2", Cases.PW).status()).isEqualTo(200);
        assertThat(Cases.act(http, approved, "vetting1", "{\"transition\":\"AUTHORIZE\"}").status())
                .as("a clearing proposed by one officer still holds").isEqualTo(409);
        assertThat(http.postJsonAs(path, "{\"decision\":\"CLEAR\"}", "vetting1", Cases.PW).status()).isEqualTo(200);
        Http.Response authorized = Cases.act(http, approved, "vetting1", "{\"transition\":\"AUTHORIZE\"}");
        assertThat(authorized.status()).as(authorized.body()).isEqualTo(200);
        assertThat(authorized.json().get("status").stringValue()).isEqualTo("AUTHORIZED");
    }
}
