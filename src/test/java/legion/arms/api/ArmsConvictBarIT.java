package legion.arms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.access.Officers;
import legion.parole.api.ParoleJourney;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * The arms register asks the parole program whether a holder is a convict (ADR 0150), through the real adapters on
 * the database under test: parole cases moved by their officers over REST, issues at the REST API, the desk form and
 * the offline desk's sync. A convict in custody or in an open case is refused naming {@code not-a-convict}; a
 * discharged convict and one whose sentence has ended are not; the holder in Cyrillic is found under the case's
 * Latin name.
 */
@LegionIntegrationTest
class ArmsConvictBarIT {

    private static final String DEMO_PW = "demo-password";
    private static final String PW = "convict-bar-test-password";

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    JdbcClient jdbc;

    Http http;
    ParoleJourney parole;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        parole = new ParoleJourney(http, officers, "acb", PW);
    }

    /** A day of birth no other test's convict or holder is likely to have. */
    private static String born() {
        return LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 14_000)).toString();
    }

    private String stock() {
        String serial = "КБ " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Http.Response r = http.postJsonAs("/api/v1/arms/weapons",
                "{\"make\":\"АКМ\",\"model\":\"АКМ\",\"calibre\":\"7.62x39\",\"serial\":\"" + serial + "\"}",
                "armory-kyiv", DEMO_PW);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return serial;
    }

    private static String document() {
        return "КБ" + (100000 + ThreadLocalRandom.current().nextInt(899999));
    }

    private static Map<String, Object> holder(String surname, String given, String patronymic, String born) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("surname", surname);
        h.put("givenNames", given);
        h.put("patronymic", patronymic);
        h.put("dateOfBirth", born);
        h.put("documentNumber", document());
        h.put("address", "Kyiv");
        h.put("phone", "+380441112233");
        h.put("legalStatus", "CITIZEN");
        return h;
    }

    private Http.Response issue(Map<String, Object> holder) {
        return http.postJsonAs("/api/v1/arms/issues", Http.json(Map.of("make", "АКМ", "serial", stock(),
                "rounds", 30, "magazines", 1, "holder", holder)), "armory-kyiv", DEMO_PW);
    }

    private Http.Response act(String ref, String role, String transition) {
        return parole.act(ref, role, Map.of("transition", transition, "reason", "test step"));
    }

    @Test
    void aConvictInAnOpenCaseIsRefusedNamingTheRuleAndTheHolderInCyrillicIsFoundUnderTheLatinName() {
        String born = born();
        String ref = parole.to("EXAMINED", "MYKYTA HORBATIUK", born);

        Http.Response refused = issue(holder("Горбатюк", "Микита", "Іванович", born));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("rule").asText()).isEqualTo("not-a-convict");
        assertThat(refused.json().get("rules").get(0).get("field").asText()).isEqualTo("holder");
        assertThat(refused.json().get("policyVersion").asInt()).isGreaterThanOrEqualTo(2);
        // yes or no, nothing of the case: not its reference, facility or stage
        assertThat(refused.body()).doesNotContain(ref, parole.facility, "EXAMINED", "HORBATIUK");

        // the same name born another day is another person; nothing was issued to the refused holder
        Http.Response other = issue(holder("Горбатюк", "Микита", "Іванович",
                LocalDate.parse(born).plusDays(1).toString()));
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(issue(holder("Гончаренко", "Микола", "Іванович", born)).status()).isEqualTo(201);
    }

    @Test
    void releasedToServeAbsentAndReturnedToCustodyAreRefusedTooButDischargedIsNot() {
        String born = born();
        String ref = parole.to("IN_SERVICE", "Андрій Ткачук", born);
        assertThat(issue(holder("Ткачук", "Андрій", null, born)).status()).isEqualTo(422);

        assertThat(act(ref, "supervisor", "DISCHARGE").status()).isEqualTo(200);
        Http.Response discharged = issue(holder("Ткачук", "Андрій", "Петрович", born));
        assertThat(discharged.status()).as(discharged.body()).isEqualTo(201);

        String absentBorn = born();
        String absent = parole.to("IN_SERVICE", "Роман Кравець", absentBorn);
        assertThat(act(absent, "supervisor", "REPORT_ABSENCE").status()).isEqualTo(200);
        assertThat(issue(holder("Кравець", "Роман", null, absentBorn)).json().get("rule").asText())
                .isEqualTo("not-a-convict");
        assertThat(act(absent, "prosecutor", "RETURN_TO_CUSTODY").status()).isEqualTo(200);
        assertThat(issue(holder("Кравець", "Роман", null, absentBorn)).json().get("rule").asText())
                .isEqualTo("not-a-convict");
    }

    @Test
    void aCaseEndedWithoutReleaseRefusesWhileTheSentenceRunsAndNotAfterIt() {
        String born = born();
        String ref = parole.to("PETITIONED", "Василь Мельник", born);
        assertThat(parole.act(ref, "clerk", Map.of("transition", "REFUSE", "reason", "not in the interest of justice",
                "ruling", Map.of("caseNumber", "757/32/25", "effectiveAt", java.time.Instant.now().toString())))
                .status()).isEqualTo(200);
        Http.Response refusedByCourt = issue(holder("Мельник", "Василь", "Олегович", born));
        assertThat(refusedByCourt.status()).as("the court refused: back to prison, sentence running").isEqualTo(422);
        assertThat(refusedByCourt.json().get("rule").asText()).isEqualTo("not-a-convict");

        String servedBorn = born();
        String served = parole.file("Ігор Бондар", servedBorn, LocalDate.now().minusDays(3));
        assertThat(act(served, "prison", "FIND_NOT_ELIGIBLE").status()).isEqualTo(200);
        Http.Response afterSentence = issue(holder("Бондар", "Ігор", null, servedBorn));
        assertThat(afterSentence.status()).as(afterSentence.body()).isEqualTo(201);
    }

    @Test
    void theDeskFormAndTheOfflineSyncRefuseAConvictToo() {
        String born = born();
        parole.to("APPLIED", "Тарас Левченко", born);

        ConsoleSession desk = ConsoleSession.login(port, "armory-kyiv", DEMO_PW);
        ConsoleSession.Page form = desk.get("/console/arms/desk");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("serial", stock());
        f.put("make", "АКМ");
        f.put("documentNumber", document());
        f.put("surname", "Левченко");
        f.put("givenNames", "Тарас");
        f.put("patronymic", "");
        f.put("dateOfBirth", born);
        f.put("legalStatus", "CITIZEN");
        f.put("rounds", "30");
        f.put("magazines", "1");
        ConsoleSession.Page refused = desk.postWithToken("/console/arms/desk", form, f);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-rule=\"not-a-convict\"").contains("open parole case");

        ConsoleSession.Page offline = desk.get("/console/arms/desk/offline");
        String slip = "P-KYIV-POLICE-01-TEST-" + ThreadLocalRandom.current().nextInt(99999);
        String serial = stock();
        Map<String, Object> m = new LinkedHashMap<>(Map.of("slip", slip, "kind", "ISSUE", "madeAt",
                java.time.Instant.now().toString(), "make", "АКМ", "serial", serial, "documentNumber", document()));
        m.putAll(Map.of("surname", "LEVCHENKO", "givenNames", "TARAS", "dateOfBirth", born, "legalStatus",
                "CITIZEN", "rounds", 10, "magazines", 1));
        ConsoleSession.Page synced = desk.postJson("/console/arms/desk/sync", offline, Http.json(m));
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.body()).contains("\"result\":\"CONFLICT\"").contains("\"conflict\":\"OFFLINE_REFUSED\"");
        assertThat(jdbc.sql("select detail from arms_finding where source = 'OFFLINE_DESK' and serial = ?")
                .param(serial).query(String.class).single()).contains(slip).contains("not-a-convict");
        assertThat(jdbc.sql("select count(*) from arms_issue i join arms_weapon w on w.id = i.weapon_id "
                + "where w.serial = ?").param(serial).query(Integer.class).single()).isZero();
    }

    @Test
    void version1KeepsItsRulesAndTheReleaseShipsTheBarAsTheNextVersionWithItsLegalSource() {
        issue(holder("Шевченко", "Тарас", "Григорович", born()));
        var versions = jdbc.sql("select version, parameters, published_by, note from rules_policy "
                + "where program = 'arms' order by version").query().listOfRows();
        assertThat(versions).hasSizeGreaterThanOrEqualTo(2);
        assertThat(versions.get(0).get("parameters").toString()).doesNotContain("\"convictsRefused\":true");
        assertThat(versions.get(1).get("parameters").toString()).contains("\"convictsRefused\":true");
        assertThat(versions.get(1).get("published_by")).isEqualTo("system");
        assertThat(versions.get(1).get("note").toString()).contains("not-a-convict").contains("Law 2114-IX");
    }
}
