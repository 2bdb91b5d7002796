package legion.arms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import legion.audit.AuditLog;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * The custody events over real HTTP: a CSV delivery (all or nothing, each bad row named by row and column),
 * transfer, stolen, found late, found with an illegible serial, seized, destroyed — each a history entry and an
 * audit entry.
 */
@LegionIntegrationTest
class ArmsCustodyApiIT {

    private static final String PW = "demo-password";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private static String serial() {
        return "СК " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode trace(Http http, String make, String serial) {
        Http.Response r = http.get("/api/v1/arms/trace?make=" + q(make) + "&serial=" + q(serial)
                + "&caseNumber=TEST-1", "police1", PW);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> fields(Http.Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private long weapons() {
        return jdbc.sql("select count(*) from arms_weapon").query(Long.class).single();
    }

    @Test
    void aDeliveryAsCsvIsStockedWhole() {
        Http http = new Http(port);
        String a = serial(), b = serial();
        Http.Response r = http.postAs("/api/v1/arms/weapons", "text/csv",
                "make,model,calibre,serial\r\nАКМ,АКМ,7.62x39,\"" + a + "\"\r\nПМ,ПМ,9x18," + b + "\r\n",
                "armory-kyiv", PW);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("received").asInt()).isEqualTo(2);
        JsonNode t = trace(http, "AKM", a);
        assertThat(t.get("weapon").get("point").asText()).isEqualTo("KYIV-POLICE-01");
        assertThat(t.get("history").get(0).get("event").asText()).isEqualTo("RECEIVED");
        assertThat(audit.recent(t.get("weapon").get("id").asText(), 5))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("ARMS_WEAPON_RECEIVED"));
        assertThat(trace(http, "ПМ", b).get("weapon").get("status").asText()).isEqualTo("IN_STOCK");
    }

    @Test
    void aDeliveryWithBadRowsNamesEachRowAndColumnAndStoresNothing() {
        Http http = new Http(port);
        String registered = serial();
        assertThat(http.postJsonAs("/api/v1/arms/weapons", "{\"make\":\"АКМ\",\"serial\":\"" + registered + "\"}",
                "armory-kyiv", PW).status()).isEqualTo(201);
        String fresh = serial();
        long before = weapons();
        Http.Response r = http.postAs("/api/v1/arms/weapons", "text/csv", String.join("\n",
                "serial,make,model",
                fresh + ",АКМ,АКМ",                         // row 1 fine
                ",АКМ,АКМ",                                 // row 2: no serial
                fresh.replace("С", "C").replace("К", "K") + ",AKM,АКМ", // row 3: row 1 again, in Latin letters
                registered + ",АКМ,АКМ",                    // row 4: in the register already
                "X-1,,АКМ",                                 // row 5: no make
                "X-2,АКМ"), "armory-kyiv", PW);            // row 6: a cell short
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(fields(r)).containsExactlyInAnyOrder("rows[2].serial", "rows[5].make", "rows[6].cells");
        assertThat(r.body()).doesNotContain(fresh, "X-1");
        assertThat(weapons()).isEqualTo(before);

        Http.Response dup = http.postAs("/api/v1/arms/weapons", "text/csv", String.join("\n", "serial,make",
                fresh + ",АКМ", fresh.replace("С", "C").replace("К", "K") + ",AKM", registered + ",АКМ"),
                "armory-kyiv", PW);
        assertThat(dup.status()).as(dup.body()).isEqualTo(422);
        assertThat(fields(dup)).containsExactly("rows[2].serial", "rows[3].serial");
        assertThat(dup.body()).contains("twice", "register already");
        assertThat(weapons()).isEqualTo(before);                        // row 1 was fine, yet not stored

        Http.Response header = http.postAs("/api/v1/arms/weapons", "text/csv", "serial,owner\nX,Y", "armory-kyiv",
                PW);
        assertThat(fields(header)).containsExactlyInAnyOrder("header.owner", "header.make");
        assertThat(http.postAs("/api/v1/arms/weapons", "text/csv", "serial,make\n\"X,АКМ", "armory-kyiv", PW)
                .json().get("errors").get(0).get("field").asText()).isEqualTo("csv");
        assertThat(http.postAs("/api/v1/arms/weapons", "text/csv", "serial,make\nX9,АКМ", "police1", PW).status())
                .isEqualTo(403);
        assertThat(weapons()).isEqualTo(before);
    }

    @Test
    void transferStolenFoundLateSeizedDestroyedAreEachAnEntryAndAudited() {
        Http http = new Http(port);
        String s = serial();
        String id = http.postJsonAs("/api/v1/arms/weapons", "{\"make\":\"АКМ\",\"serial\":\"" + s + "\"}",
                "armory-kyiv", PW).json().get("id").asText();
        String w = "\"make\":\"АКМ\",\"serial\":\"" + s + "\"";

        Http.Response bad = http.postJsonAs("/api/v1/arms/transfers", "{" + w + ",\"toPoint\":\"MARS-01\"}",
                "armory-kyiv", PW);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad)).containsExactly("toPoint");
        assertThat(http.postJsonAs("/api/v1/arms/transfers", "{" + w + ",\"toPoint\":\"LVIV-POLICE-01\"}",
                "armory-kharkiv", PW).status()).isEqualTo(409);                 // not at Kharkiv's point
        Http.Response moved = http.postJsonAs("/api/v1/arms/transfers", "{" + w + ",\"toPoint\":\"KHARKIV-TDF-127\"}",
                "armory-kyiv", PW);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("point").asText()).isEqualTo("KHARKIV-TDF-127");

        assertThat(http.postJsonAs("/api/v1/arms/losses", "{" + w + ",\"kind\":\"MISLAID\"}", "armory-kharkiv", PW)
                .status()).isEqualTo(422);
        Http.Response stolen = http.postJsonAs("/api/v1/arms/losses", "{" + w + ",\"kind\":\"STOLEN\",\"note\":\"armoury broken into\"}",
                "armory-kharkiv", PW);
        assertThat(stolen.json().get("status").asText()).isEqualTo("STOLEN");

        String foundAt = Instant.now().minus(Duration.ofHours(30)).toString();
        Http.Response found = http.postJsonAs("/api/v1/arms/found", "{" + w + ",\"foundAt\":\"" + foundAt + "\"}",
                "armory-odesa", PW);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().get("late").asBoolean()).isTrue();                   // 30 h > the 24-hour rule
        assertThat(found.json().get("weapon").get("point").asText()).isEqualTo("ODESA-TDF-122");

        assertThat(http.postJsonAs("/api/v1/arms/seizures", "{" + w + "}", "police1", PW).status()).isEqualTo(422);
        assertThat(http.postJsonAs("/api/v1/arms/seizures", "{" + w + ",\"caseNumber\":\"12024000000000007\"}",
                "police1", PW).json().get("status").asText()).isEqualTo("SEIZED");
        assertThat(http.postJsonAs("/api/v1/arms/destructions", "{" + w + "}", "armory-kyiv", PW).status())
                .isEqualTo(403);
        assertThat(http.postJsonAs("/api/v1/arms/destructions", "{" + w + ",\"note\":\"unsafe\"}", "registry1", PW)
                .json().get("status").asText()).isEqualTo("DESTROYED");
        assertThat(http.postJsonAs("/api/v1/arms/losses", "{" + w + ",\"kind\":\"LOST\"}", "registry1", PW).status())
                .isEqualTo(409);                                               // nothing happens to a destroyed one

        JsonNode history = trace(http, "АКМ", s).get("history");
        List<String> events = new ArrayList<>();
        history.forEach(e -> events.add(e.get("event").asText()));
        assertThat(events).containsExactly("RECEIVED", "TRANSFERRED", "REPORTED_STOLEN", "FOUND", "SEIZED",
                "DESTROYED");
        assertThat(history.get(3).get("late").asBoolean()).isTrue();
        long first = history.get(0).get("seq").asLong();
        Http.Response corrected = http.postJsonAs("/api/v1/arms/corrections", "{" + w + ",\"entry\":" + first
                + ",\"note\":\"received 2 March, not 3 March\"}", "registry1", PW);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(trace(http, "АКМ", s).get("history")).hasSize(7);
        assertThat(audit.recent(id, 20)).extracting(e -> e.action()).contains("ARMS_WEAPON_RECEIVED",
                "ARMS_WEAPON_TRANSFERRED", "ARMS_WEAPON_REPORTED_STOLEN", "ARMS_WEAPON_FOUND", "ARMS_WEAPON_SEIZED",
                "ARMS_WEAPON_DESTROYED", "ARMS_ENTRY_CORRECTED");
    }

    @Test
    void aFoundWeaponWithAnIllegibleSerialIsRegisteredOnTime() {
        Http http = new Http(port);
        String at = Instant.now().minus(Duration.ofHours(2)).toString();
        Http.Response r = http.postJsonAs("/api/v1/arms/found", "{\"make\":\"ПМ\",\"serialIllegible\":true,"
                + "\"foundAt\":\"" + at + "\",\"note\":\"filed off\"}", "armory-lviv", PW);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("newToRegister").asBoolean()).isTrue();
        assertThat(r.json().get("late").asBoolean()).isFalse();
        assertThat(r.json().get("weapon").get("serial").asText()).startsWith("ILLEGIBLE-");
        assertThat(r.json().get("weapon").get("point").asText()).isEqualTo("LVIV-POLICE-01");

        Http.Response both = http.postJsonAs("/api/v1/arms/found", "{\"make\":\"ПМ\",\"serialIllegible\":true,"
                + "\"serial\":\"X1\",\"foundAt\":\"" + Instant.now().plusSeconds(3600) + "\"}", "armory-lviv", PW);
        assertThat(both.status()).isEqualTo(422);
        assertThat(fields(both)).containsExactlyInAnyOrder("serial", "foundAt");
    }
}
