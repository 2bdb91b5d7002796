package legion.arms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import legion.arms.register.OverdueHolders;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The end of martial law recorded by the administrator makes every open issue due 10 days later; past that day the
 * holders are listed for the supervisor and told once (two nodes checking at the same moment flag each issue once)
 * by mail over real SMTP through the outbox, or, without an address, queued for the supervisor.
 */
@LegionIntegrationTest
class ArmsDeadlinesIT {

    private static final String PW = "demo-password";
    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("legion.outbox.interval-ms", () -> "200");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    OverdueHolders overdue;

    @Autowired
    JdbcClient jdbc;

    private String issue(Http http, String email) {
        String serial = "ДЛ" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        assertThat(http.postJsonAs("/api/v1/arms/weapons", "{\"make\":\"АКМ\",\"serial\":\"" + serial + "\"}",
                "armory-kyiv", PW).status()).isEqualTo(201);
        String document = "ДЛ" + (100000 + (int) (Math.random() * 899999));
        Http.Response r = http.postJsonAs("/api/v1/arms/issues", """
                {"make": "АКМ", "serial": "%s", "rounds": 30, "magazines": 1,
                 "holder": {"surname": "Бойко", "givenNames": "Андрій", "dateOfBirth": "1984-11-02",
                            "documentNumber": "%s", "legalStatus": "CITIZEN"%s}}""".formatted(serial, document,
                email == null ? "" : ", \"email\": \"" + email + "\""), "armory-kyiv", PW);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("issueNumber").asText();
    }

    @Test
    void theEndOfMartialLawMakesOpenIssuesDueInTenDaysAndOverdueHoldersAreToldOnce() throws Exception {
        Http http = new Http(port);
        String withMail = issue(http, "holder-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
        String withoutMail = issue(http, null);
        assertThat(http.postJsonAs("/api/v1/arms/issues", "{\"make\":\"АКМ\",\"serial\":\"X\",\"rounds\":1,"
                + "\"magazines\":1,\"holder\":{\"surname\":\"A\",\"givenNames\":\"B\",\"dateOfBirth\":\"1980-01-01\","
                + "\"documentNumber\":\"ZZ1\",\"legalStatus\":\"CITIZEN\",\"email\":\"not-an-address\"}}",
                "armory-kyiv", PW).body()).contains("holder.email");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String end = "{\"endedOn\":\"" + today.minusDays(12) + "\"}";
        assertThat(http.postJsonAs("/api/v1/arms/martial-law-end", end, "registry1", PW).status()).isEqualTo(403);
        assertThat(http.postJsonAs("/api/v1/arms/martial-law-end", "{\"endedOn\":\"12.03.2026\"}", "admin", PW)
                .status()).isEqualTo(422);
        Http.Response recorded = http.postJsonAs("/api/v1/arms/martial-law-end", end, "admin", PW);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().get("dueOn").asText()).isEqualTo(today.minusDays(2).toString());
        assertThat(recorded.json().get("openIssues").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select due_on from arms_issue where number = ?").param(withMail).query(LocalDate.class)
                .single()).isEqualTo(today.minusDays(2));

        // two nodes' checks at the same moment: each issue flagged once
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(nodes.submit((Callable<Integer>) overdue::flagOverdue));
            }
            for (Future<Integer> f : runs) {
                f.get();
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(overdue.flagOverdue()).isZero();
        assertThat(jdbc.sql("select overdue_told from arms_issue where number = ?").param(withMail)
                .query(String.class).single()).isEqualTo("MAIL");
        assertThat(jdbc.sql("select overdue_told from arms_issue where number = ?").param(withoutMail)
                .query(String.class).single()).isEqualTo("NO_ADDRESS");

        JsonNode list = http.get("/api/v1/arms/overdue", "registry1", PW).json();
        List<String> numbers = new ArrayList<>();
        list.forEach(o -> numbers.add(o.get("issueNumber").asText()));
        assertThat(numbers).contains(withMail, withoutMail);
        assertThat(http.get("/api/v1/arms/overdue", "registry1", PW).body()).doesNotContain("Бойко");
        assertThat(http.get("/api/v1/arms/overdue", "armory-kyiv", PW).status()).isEqualTo(403);

        long deadline = System.currentTimeMillis() + 30_000;
        MimeMessage mine = null;
        while (mine == null && System.currentTimeMillis() < deadline) {
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (m.getSubject().contains(withMail)) {
                    mine = m;
                }
            }
            Thread.sleep(200);
        }
        assertThat(mine).as("the overdue mail").isNotNull();
        String text = GreenMailUtil.getBody(mine);
        assertThat(java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(withMail);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).hasSize(1);
        assertThat(text).doesNotContain("1984").doesNotContain("ДЛ1", "ДЛ2", "ДЛ3", "ДЛ4", "ДЛ5", "ДЛ6", "ДЛ7",
                "ДЛ8", "ДЛ9");

        ConsoleSession registry = ConsoleSession.login(port, "registry1", PW);
        String page = org.springframework.web.util.HtmlUtils.htmlUnescape(registry.get("/console/arms/overdue").body());
        assertThat(page).contains(withMail).contains(withoutMail).contains("no address: contact them");
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(registry.get("/console/arms/anomalies").body()))
                .contains("issue " + withoutMail + " due").contains("Not returned in time");
        ConsoleSession admin = ConsoleSession.login(port, "admin", PW);
        ConsoleSession.Page form = admin.get("/console/admin/arms");
        assertThat(form.status()).isEqualTo(200);
        ConsoleSession.Page posted = admin.postWithToken("/console/admin/arms", form, java.util.Map.of("endedOn",
                today.minusDays(12).toString()));
        assertThat(posted.status()).isEqualTo(302);
        assertThat(admin.get("/console/admin/arms").body()).contains("open issues due " + today.minusDays(2));
    }
}
