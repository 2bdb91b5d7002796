package legion.arms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import legion.audit.AuditLog;
import legion.authorization.TravelAuthorizations;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * The arms register's console pages over real HTTP as the demo officers: the issuing desk (issue → printable
 * receipt whose barcode image is the signed seal; a refusal naming the rule), the investigator's trace (case number
 * required, audited), the supervisor's journal upload into the findings queue and resolving a finding.
 */
@LegionIntegrationTest
class ArmsConsoleIT {

    private static final String PW = "demo-password";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    TravelAuthorizations authorizations;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String stock(String serial) {
        Http.Response r = new Http(port).postJsonAs("/api/v1/arms/weapons",
                "{\"make\":\"АКМ\",\"serial\":\"" + serial + "\"}", "armory-kyiv", PW);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static String serial() {
        return "КД" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
    }

    private static Map<String, String> holder(String serial, String document, String born) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("serial", serial);
        f.put("make", "AKM");
        f.put("documentNumber", document);
        f.put("surname", "Коваленко");
        f.put("givenNames", "Олена");
        f.put("patronymic", "Петрівна");
        f.put("dateOfBirth", born);
        f.put("legalStatus", "CITIZEN");
        f.put("rounds", "90");
        f.put("magazines", "3");
        return f;
    }

    private static String html(String s) {
        return HtmlUtils.htmlUnescape(s);
    }

    @Test
    void theDeskIssuesAndPrintsTheReceiptWithItsSealOrNamesTheRuleThatRefused() {
        String serial = serial();
        stock(serial);
        String document = "МЕ" + (100000 + (int) (Math.random() * 899999));
        ConsoleSession desk = ConsoleSession.login(port, "armory-kyiv", PW);
        ConsoleSession.Page form = desk.get("/console/arms/desk");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"serial\"").contains("autofocus").contains("KYIV-POLICE-01");

        ConsoleSession.Page minor = desk.postWithToken("/console/arms/desk", form, holder(serial, document,
                java.time.LocalDate.now().minusYears(17).toString()));
        assertThat(minor.status()).isEqualTo(200);
        assertThat(minor.body()).contains("data-rule=\"holder-age-18\"").contains("at least 18 years old");

        ConsoleSession.Page missing = desk.postWithToken("/console/arms/desk", form, Map.of("serial", serial,
                "make", "AKM", "rounds", "x", "magazines", "1", "legalStatus", "CITIZEN"));
        assertThat(missing.body()).contains("id=\"documentNumber-error\"").contains("id=\"dateOfBirth-error\"");

        ConsoleSession.Page issued = desk.postWithToken("/console/arms/desk", form, holder(serial, document,
                "1990-07-14"));
        assertThat(issued.status()).isEqualTo(302);
        assertThat(issued.location()).contains("/console/arms/receipts/ARM-");
        String number = issued.location().substring(issued.location().lastIndexOf('/') + 1);
        ConsoleSession.Page receipt = desk.get("/console/arms/receipts/" + number);
        assertThat(receipt.status()).isEqualTo(200);
        String body = html(receipt.body());
        assertThat(body).contains(number).contains(serial).contains("Олена Коваленко").contains(document)
                .contains("KYIV-POLICE-01").contains("<dt>Make</dt>");
        Matcher img = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(receipt.body());
        assertThat(img.find()).isTrue();
        Matcher hex = Pattern.compile("id=\"seal-hex\"[^>]*>([0-9A-F]+)<").matcher(receipt.body());
        assertThat(hex.find()).isTrue();
        byte[] fromImage = authorizations.readBarcode(Base64.getDecoder().decode(img.group(1))).orElseThrow();
        assertThat(HexFormat.of().withUpperCase().formatHex(fromImage)).isEqualTo(hex.group(1));
        assertThat(authorizations.verify(fromImage).isValid()).isTrue();

        // another point's officer cannot open it; the same weapon cannot be issued twice
        assertThat(ConsoleSession.login(port, "armory-kharkiv", PW).get("/console/arms/receipts/" + number).status())
                .isEqualTo(404);
        ConsoleSession.Page again = desk.postWithToken("/console/arms/desk", form, holder(serial, "МЕ000001",
                "1980-01-01"));
        assertThat(html(again.body())).contains("issued to someone already");

        ConsoleSession.Page back = desk.postWithToken("/console/arms/desk/return", form, Map.of("serial", serial,
                "make", "АКМ"));
        assertThat(back.status()).isEqualTo(302);
        assertThat(desk.get("/console/arms/desk").body()).contains(number + " closed");
        assertThat(ConsoleSession.login(port, "police1", PW).get("/console/arms/desk").status()).isEqualTo(403);
    }

    @Test
    void theTraceWantsACaseNumberAndEveryTraceIsAudited() {
        String serial = serial();
        String id = stock(serial);
        ConsoleSession police = ConsoleSession.login(port, "police1", PW);
        ConsoleSession.Page page = police.get("/console/arms/trace");
        assertThat(page.status()).isEqualTo(200);
        ConsoleSession.Page noCase = police.postWithToken("/console/arms/trace", page, Map.of("make", "АКМ",
                "serial", serial, "caseNumber", ""));
        assertThat(noCase.body()).contains("id=\"caseNumber-error\"").doesNotContain("id=\"history\"");
        assertThat(audit.recent(id, 10)).noneSatisfy(e -> assertThat(e.action()).isEqualTo("ARMS_WEAPON_TRACED"));

        ConsoleSession.Page traced = police.postWithToken("/console/arms/trace", page, Map.of("make", "AKM",
                "serial", serial, "caseNumber", "12023000000000099"));
        assertThat(traced.status()).isEqualTo(200);
        assertThat(html(traced.body())).contains("id=\"history\"").contains("Received into stock")
                .contains("KYIV-POLICE-01");
        assertThat(audit.recent(id, 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("ARMS_WEAPON_TRACED");
            assertThat(e.detail()).contains("12023000000000099");
        });
        assertThat(ConsoleSession.login(port, "armory-kyiv", PW).get("/console/arms/trace").status()).isEqualTo(403);
    }

    @Test
    void anUploadedJournalBecomesAQueueOfFindingsToResolve() {
        String serial = serial();
        stock(serial);
        String document = "МЕ" + (100000 + (int) (Math.random() * 899999));
        Http.Response issued = new Http(port).postJsonAs("/api/v1/arms/issues", """
                {"make": "АКМ", "serial": "%s", "rounds": 60, "magazines": 2,
                 "holder": {"surname": "Коваленко", "givenNames": "Олена", "dateOfBirth": "1990-07-14",
                            "documentNumber": "%s", "legalStatus": "CITIZEN"}}""".formatted(serial, document),
                "armory-kyiv", PW);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String typo = serial.substring(0, serial.length() - 1) + "Z";
        String unknown = "QQ" + serial.substring(2);
        String journal = String.join("\n",
                "serial,make,surname,given_names,patronymic,date_of_birth,holder_id,issued_at,point",
                serial + ",AKM,Kovalenko,Olena,,14.07.1990,,2022-02-25,KYIV-POLICE-01",   // 1 matched
                serial + ",AKM,Бондар,Іван,,1975-03-02,,2022-02-25,KYIV-POLICE-01",       // 2 another holder
                typo + ",АКМ,Коваленко,Олена,,1990-07-14,,,",                            // 3 one typo
                unknown + ",АКМ,Мельник,Петро,,1980-01-01,,,");                         // 4 unknown
        ConsoleSession registry = ConsoleSession.login(port, "registry1", PW);
        ConsoleSession.Page page = registry.get("/console/arms/anomalies");
        assertThat(page.status()).isEqualTo(200);
        ConsoleSession.Page up = registry.postMultipart("/console/arms/journals", page, Map.of(), "journal",
                "kyiv-journal.csv", "text/csv", journal.getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).isEqualTo(302);
        ConsoleSession.Page queue = registry.get("/console/arms/anomalies");
        String body = html(queue.body());
        assertThat(body).contains("4 journal rows reconciled");
        assertThat(rowOf(body, "OTHER_HOLDER", serial)).contains("One serial, two holders").contains("Journal row 2");
        assertThat(rowOf(body, "SERIAL_CORRECTED", typo)).contains("Serial corrected").contains("Journal row 3")
                .contains(">" + serial + "<");
        assertThat(rowOf(body, "UNKNOWN_SERIAL", unknown)).contains("Unknown serial").contains("Journal row 4");
        assertThat(body).doesNotContain("Kovalenko", "Бондар", "Мельник");      // findings hold no person

        Matcher resolve = Pattern.compile("action=\"(/console/arms/findings/[^\"]+/resolve)\"")
                .matcher(queue.body().substring(queue.body().indexOf(unknown) > 0 ? queue.body().indexOf(">" + unknown + "<") : 0));
        assertThat(resolve.find()).isTrue();
        ConsoleSession.Page done = registry.postWithToken(resolve.group(1), queue, Map.of("resolution",
                "journal entry of a weapon of the Lviv delivery, registered there"));
        assertThat(done.status()).isEqualTo(302);
        String after = html(registry.get("/console/arms/anomalies").body());
        assertThat(after).contains("The finding is resolved").contains("registered there");

        ConsoleSession.Page bad = registry.postMultipart("/console/arms/journals", queue, Map.of(), "journal",
                "bad.csv", "text/csv", ("serial,make,surname,given_names,patronymic,date_of_birth,holder_id,"
                        + "issued_at,point\nX1,АКМ,Мельник,Петро,,31/12/1980,,,\n").getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(html(registry.get("/console/arms/anomalies").body())).contains("bad.csv: row 1, column date_of_birth")
                .doesNotContain("31/12/1980");
    }

    /**
     * A journal over the 20 MB limit is told on the anomalies page, not answered with the container's bare 413, and
     * nothing of it is read: no journal recorded, no finding made (ADR 0155's bounded upload).
     */
    @Test
    void aJournalOverTheLimitIsToldAndNothingOfItIsRead() {
        StringBuilder journal = new StringBuilder(
                "serial,make,surname,given_names,patronymic,date_of_birth,holder_id,issued_at,point\n");
        String row = "QQ0000001,АКМ,Мельник,Петро,,1980-01-01,,,\n";
        while (journal.length() < 22 * 1024 * 1024) {
            journal.append(row);
        }
        long journals = count("arms_journal");
        long findings = count("arms_finding");
        ConsoleSession registry = ConsoleSession.login(port, "registry1", PW);
        ConsoleSession.Page page = registry.get("/console/arms/anomalies");
        ConsoleSession.Page up = registry.postMultipart("/console/arms/journals", page, Map.of(), "journal",
                "huge-journal.csv", "text/csv", journal.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).isEqualTo(302);
        assertThat(html(registry.get("/console/arms/anomalies").body())).contains("The journal is over 20 MB")
                .doesNotContain("journal rows reconciled");
        assertThat(count("arms_journal")).isEqualTo(journals);
        assertThat(count("arms_finding")).isEqualTo(findings);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** The row of the open findings of this kind holding this serial as the journal wrote it. */
    private static String rowOf(String page, String kind, String serial) {
        String table = page.substring(page.indexOf("id=\"findings\""), page.indexOf("</table>",
                page.indexOf("id=\"findings\"")));
        for (String row : table.split("<tr ")) {
            if (row.startsWith("data-kind=\"" + kind + "\"") && row.contains("class=\"verbatim\">" + serial + "<")) {
                return row;
            }
        }
        throw new AssertionError("no " + kind + " finding for " + serial);
    }

    /** Analysts see the register's figures as every program's: chart, table, CSV; counts only, small cells suppressed. */
    @Test
    void analystsSeeTheRegistersFiguresAsChartsTablesAndCsv() {
        ConsoleSession analyst = ConsoleSession.login(port, "analyst1", PW);
        ConsoleSession.Page page = analyst.get("/console/arms/reports");
        assertThat(page.status()).isEqualTo(200);
        assertThat(html(page.body())).contains("Weapons by issuing point and status", "Open issues by issuing point",
                        "LVIV-POLICE-01", "<5", "href=\"/console/arms/reports\"")
                .contains("src=\"/console/arms/reports/weapons.svg\"", "src=\"/console/arms/reports/open-issues.svg\"",
                        "class=\"figure-table\"", "href=\"/console/arms/reports/weapons.csv\"")
                .doesNotContain("Павленко", "ТТ358907", "ВД 7914");
        ConsoleSession.Page svg = analyst.get("/console/arms/reports/weapons.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.body()).startsWith("<svg").contains("LVIV-POLICE-01").doesNotContain("<script");
        ConsoleSession.Page csv = analyst.get("/console/arms/reports/weapons.csv");
        assertThat(csv.status()).isEqualTo(200);
        // one demo pistol in stock in Lviv: suppressed, never "1"
        assertThat(csv.body()).startsWith("Issuing point,in stock,issued,").containsPattern("(?m)^LVIV-POLICE-01,<5,")
                .doesNotContain("Павленко", "ТТ358907");
        assertThat(analyst.get("/console/arms/reports/no-such.csv").status()).isEqualTo(404);
        assertThat(ConsoleSession.login(port, "registry1", PW).get("/console/arms/reports").status()).isEqualTo(200);
        assertThat(ConsoleSession.login(port, "armory-kyiv", PW).get("/console/arms/reports").status()).isEqualTo(403);
        assertThat(ConsoleSession.login(port, "armory-kyiv", PW).get("/console/arms/reports/weapons.csv").status())
                .isEqualTo(403);
    }
}
