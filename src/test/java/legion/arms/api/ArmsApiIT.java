package legion.arms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.audit.AuditLog;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** The arms register's REST API over real HTTP, as the demo officers (HTTP Basic + X-Legion-OTP). */
@LegionIntegrationTest
class ArmsApiIT {

    private static final String PW = "demo-password";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    legion.authorization.Seals seals;

    private static String serial() {
        return "АК " + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
    }

    private static String issue(String serial, String document, String born) {
        return """
                {"make": "АКМ", "serial": "%s", "rounds": 90, "magazines": 3,
                 "holder": {"surname": "Шевченко", "givenNames": "Тарас", "patronymic": "Григорович",
                            "dateOfBirth": "%s", "documentNumber": "%s", "address": "Kyiv", "phone": "+380441112233",
                            "legalStatus": "CITIZEN"}}""".formatted(serial, born, document);
    }

    private static String document() {
        return "ТТ" + (100000 + (int) (Math.random() * 899999));
    }

    private String stock(Http http, String officer, String serial) {
        Http.Response r = http.postJsonAs("/api/v1/arms/weapons",
                "{\"make\":\"АКМ\",\"model\":\"АКМ\",\"calibre\":\"7.62x39\",\"serial\":\"" + serial + "\"}", officer, PW);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void stockIssueReturnAndTrace() {
        Http http = new Http(port);
        String serial = serial();
        String id = stock(http, "armory-kyiv", serial);

        Http.Response issued = http.postJsonAs("/api/v1/arms/issues", issue(serial, document(), "1985-03-09"),
                "armory-kyiv", PW);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String number = issued.json().get("issueNumber").asText();
        assertThat(number).matches("ARM-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(issued.header("Location")).isEqualTo("/api/v1/arms/issues/" + number);
        byte[] seal = java.util.HexFormat.of().parseHex(issued.json().get("seal").asText());
        var verified = seals.verify(seal);
        assertThat(verified.status()).isEqualTo(legion.authorization.VerificationStatus.VALID);
        var report = legion.authorization.SealReport.of(verified);
        assertThat(report.documentType()).isEqualTo("ARMS_WEAPON_RECEIPT");
        assertThat(report.fields()).containsEntry("serial", serial).containsEntry("point", "KYIV-POLICE-01")
                .containsEntry("holder", "Тарас Шевченко")
                .containsEntry("documentNumber", number.replace("ARM-", "").replace("-", ""));
        byte[] flipped = seal.clone();
        flipped[flipped.length / 3] ^= 0x01;
        assertThat(seals.verify(flipped).status()).isNotEqualTo(legion.authorization.VerificationStatus.VALID);

        Http.Response back = http.postJsonAs("/api/v1/arms/returns",
                "{\"make\":\"AKM\",\"serial\":\"" + serial.replace("А", "A").replace("К", "K") + "\",\"rounds\":60}",
                "armory-kharkiv", PW);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("issueNumber").asText()).isEqualTo(number);
        assertThat(back.json().get("point").asText()).isEqualTo("KHARKIV-TDF-127");

        String q = "/api/v1/arms/trace?make=АКМ&serial=" + java.net.URLEncoder.encode(serial,
                java.nio.charset.StandardCharsets.UTF_8) + "&caseNumber=12022000000000042";
        Http.Response trace = http.get(q, "police1", PW);
        assertThat(trace.status()).as(trace.body()).isEqualTo(200);
        assertThat(trace.json().get("history")).hasSize(3);
        assertThat(trace.json().get("holders").get(0).get("surname").asText()).isEqualTo("Шевченко");
        assertThat(audit.recent(id, 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("ARMS_WEAPON_TRACED");
            assertThat(e.actor()).isEqualTo("police1");
            assertThat(e.detail()).contains("12022000000000042");
        });

        assertThat(http.get(q, "armory-kyiv", PW).status()).isEqualTo(403);           // investigators only
        assertThat(http.get(q.replace("&caseNumber=12022000000000042", ""), "police1", PW).status())
                .isEqualTo(422);                                                        // case number required
        assertThat(http.get(q, null, null).status()).isEqualTo(401);
    }

    @Test
    void refusalsAreProblemsNamingTheRule() {
        Http http = new Http(port);
        String serial = serial();
        stock(http, "armory-kyiv", serial);

        Http.Response minor = http.postJsonAs("/api/v1/arms/issues",
                issue(serial, document(), java.time.LocalDate.now().minusYears(16).toString()), "armory-kyiv", PW);
        assertThat(minor.status()).isEqualTo(422);
        assertThat(minor.header("Content-Type")).startsWith("application/problem+json");
        assertThat(minor.json().get("rule").asText()).isEqualTo("holder-age-18");

        Http.Response elsewhere = http.postJsonAs("/api/v1/arms/issues", issue(serial, document(), "1980-01-01"),
                "armory-kharkiv", PW);
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().get("rule").asText()).isEqualTo("weapon-in-stock-at-officer-point");

        Http.Response bad = http.postJsonAs("/api/v1/arms/issues",
                "{\"make\":\"АКМ\",\"serial\":\"" + serial + "\",\"holder\":{\"surname\":\"X\"}}", "armory-kyiv", PW);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("holder.dateOfBirth", "holder.documentNumber", "rounds");

        assertThat(http.postJsonAs("/api/v1/arms/issues", issue("NO-SUCH-1", document(), "1980-01-01"),
                "armory-kyiv", PW).status()).isEqualTo(404);
        assertThat(http.postJsonAs("/api/v1/arms/issues", "{not json", "armory-kyiv", PW).status()).isEqualTo(400);
        assertThat(http.postJsonAs("/api/v1/arms/weapons", "{\"make\":\"АКМ\",\"serial\":\"" + serial + "\"}",
                "armory-kyiv", PW).status()).isEqualTo(409);                            // registered already
        assertThat(http.postJsonAs("/api/v1/arms/weapons", "{\"make\":\"АКМ\",\"serial\":\"X1\"}",
                "police1", PW).status()).isEqualTo(403);
    }

    @Test
    void theSameWeaponIssuedAtTwoDesksAtOnceGivesOne201AndOne409() throws Exception {
        Http http = new Http(port);
        for (int round = 0; round < 3; round++) {
            String serial = serial();
            stock(http, "armory-kyiv", serial);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> calls = new ArrayList<>();
                for (String officer : List.of("armory-kyiv", "armory-kyiv-2")) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return http.postJsonAs("/api/v1/arms/issues", issue(serial, document(), "1980-01-01"),
                                officer, PW).status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : calls) {
                    statuses.add(f.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theDemoHasWeaponsInStockAndIssued() {
        Http http = new Http(port);
        // Latin B for the Cyrillic В: one weapon (Д has no Latin twin and stays)
        Http.Response issued = http.get("/api/v1/arms/trace?make=AKM&serial=B%D0%947914&caseNumber=DEMO-1", "police1",
                PW);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().get("weapon").get("status").asText()).isEqualTo("ISSUED");
        assertThat(issued.json().get("weapon").get("serial").asText()).isEqualTo("ВД 7914");
        Http.Response stock = http.get("/api/v1/arms/trace?make=%D0%A0%D0%9F%D0%9A-74&serial=1979120920&caseNumber=DEMO-1",
                "police1", PW);
        assertThat(stock.json().get("weapon").get("status").asText()).isEqualTo("IN_STOCK");
        assertThat(stock.json().get("weapon").get("point").asText()).isEqualTo("KHARKIV-TDF-127");
    }

    @Test
    void theReportShowsCountsOnlyWithSmallCellsSuppressed() {
        Http http = new Http(port);
        Http.Response r = http.get("/api/v1/arms/reports/weapons", "analyst1", PW);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json()).anySatisfy(c -> {
            assertThat(c.get("point").asText()).isEqualTo("LVIV-POLICE-01");
            assertThat(c.get("status").asText()).isEqualTo("IN_STOCK");
            assertThat(c.get("count").asText()).isEqualTo("<5"); // one demo pistol in Lviv
        });
        assertThat(r.body()).doesNotContain("Павленко", "ТТ358907", "ВД 7914");
        assertThat(http.get("/api/v1/arms/reports/weapons", "armory-kyiv", PW).status()).isEqualTo(403);
    }
}
