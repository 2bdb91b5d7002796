package legion.arms.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import legion.access.Officers;
import legion.audit.AuditLog;
import legion.authorization.Seals;
import legion.parole.ConvictCheck;
import legion.rules.RuleEngine;
import legion.shared.Actor;
import legion.shared.Role;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.MutableClock;
import legion.support.TestDatabase;

/**
 * The register's flow for analysts (ADR 0160) at an issuing point of its own: issues made on known days through the
 * register's service on a clock moved by hand (so that weapons are held for known days), losses and a find through
 * the officers' REST API, then read back as an analyst reads them, in the figures' CSV (parsed as CSV) and on the
 * page: issues per day, the standing by status, the days held (p50/p90 computed here from the seeded times), the
 * losses by kind; small cells as "&lt;5".
 */
@LegionIntegrationTest
class ArmsFlowIT {

    private static final String PW = "demo-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Officers officers;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Weapons weapons;
    @Autowired
    Holders holders;
    @Autowired
    Issues issues;
    @Autowired
    RuleEngine engine;
    @Autowired
    ArmsRules program;
    @Autowired
    AuditLog audit;
    @Autowired
    Seals seals;
    @Autowired
    MartialLaw martialLaw;
    @Autowired
    ConvictCheck convicts;

    @Test
    void theFlowOfAPointShowsWhatItsDeskDid() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String point = "TEST-FLOW-" + suffix;
        // points are reference data (the migrations list them); no API adds one
        jdbc.sql("insert into arms_point (code, name, kind, city) values (?, 'Test flow point', 'POLICE', 'Kyiv')")
                .param(point).update();
        String desk = "flow-desk-" + suffix.toLowerCase();
        officers.createInUnit(desk, desk, PW, Role.ISSUING_OFFICER, Points.unit(point));
        officers.setSecondFactor(desk, TestDatabase.TOTP_SECRET);
        Actor officer = Actor.inUnit(desk, Role.ISSUING_OFFICER, Points.unit(point));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MutableClock clock = new MutableClock(now.minus(13, ChronoUnit.DAYS));
        ArmsRegister register = new ArmsRegister(weapons, holders, issues, engine, program, audit, seals, martialLaw,
                convicts, new StaticListableBeanFactory(Map.of("clock", clock)).getBeanProvider(Clock.class));
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String serial = "ФЛ" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
            tx.executeWithoutResult(s -> register.stock(officer, new ArmsRegister.Stock("АКМ", null, null, serial)));
            serials.add(serial);
        }
        // five issues 9 days ago a minute apart; returns 8, 5 and 2 days ago; issues 3 days and 1 day ago
        Map<Integer, Instant> issued = new LinkedHashMap<>();
        Map<Integer, Instant> returned = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            issued.put(i, now.minus(9, ChronoUnit.DAYS).plus(i, ChronoUnit.MINUTES));
        }
        returned.put(0, now.minus(8, ChronoUnit.DAYS));
        returned.put(1, now.minus(5, ChronoUnit.DAYS));
        issued.put(5, now.minus(3, ChronoUnit.DAYS));
        returned.put(2, now.minus(2, ChronoUnit.DAYS));
        issued.put(6, now.minus(1, ChronoUnit.DAYS));
        List<Object[]> steps = new ArrayList<>();
        issued.forEach((i, at) -> steps.add(new Object[] {at, i, true}));
        returned.forEach((i, at) -> steps.add(new Object[] {at, i, false}));
        steps.sort((a, b) -> ((Instant) a[0]).compareTo((Instant) b[0]));
        for (Object[] step : steps) {
            clock.advance(Duration.between(clock.instant(), (Instant) step[0]));
            String serial = serials.get((Integer) step[1]);
            if ((Boolean) step[2]) {
                String document = "ФЛ" + (100000 + (int) (Math.random() * 899999));
                tx.executeWithoutResult(s -> register.issue(officer, "АКМ", serial, new ArmsRegister.HolderDetails(
                        "Флоренко", "Олег", null, LocalDate.parse("1980-05-06"), document, null, null,
                        LegalStatus.CITIZEN, null), 30, 1));
            } else {
                tx.executeWithoutResult(s -> register.returnWeapon(officer, "АКМ", serial, null, null));
            }
        }
        // of the weapons never issued: five reported lost, one stolen and then found again at the point
        Http http = new Http(port);
        for (int i = 7; i < 12; i++) {
            assertThat(http.postJsonAs("/api/v1/arms/losses", "{\"make\":\"АКМ\",\"serial\":\"" + serials.get(i)
                    + "\",\"kind\":\"LOST\"}", desk, PW).status()).isEqualTo(200);
        }
        assertThat(http.postJsonAs("/api/v1/arms/losses", "{\"make\":\"АКМ\",\"serial\":\"" + serials.get(12)
                + "\",\"kind\":\"STOLEN\"}", desk, PW).status()).isEqualTo(200);
        assertThat(http.postJsonAs("/api/v1/arms/found", "{\"make\":\"АКМ\",\"serial\":\"" + serials.get(12)
                + "\",\"foundAt\":\"" + now.minus(1, ChronoUnit.HOURS) + "\"}", desk, PW).status()).isEqualTo(200);

        ConsoleSession analyst = ConsoleSession.login(port, "analyst1", PW);
        String only = "?point=" + point;

        // issues per day: counted here from the seeded times, shown as the figures show them
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        issued.values().forEach(at -> perDay.merge(at.atOffset(ZoneOffset.UTC).toLocalDate(), 1, Integer::sum));
        List<CSVRecord> days = csv(analyst, "issues-per-day.csv" + only);
        assertThat(days.get(0).values()).containsExactly("Day (UTC)", point);
        assertThat(days).hasSize(1 + 14);
        for (CSVRecord day : days.subList(1, days.size())) {
            int n = perDay.getOrDefault(LocalDate.parse(day.get(0)), 0);
            assertThat(day.get(1)).as(day.get(0)).isEqualTo(n == 0 ? "0" : n < 5 ? "<5" : Integer.toString(n));
        }

        // a weapon lost is at no point any more: 0 now at this one, 5 ever
        List<CSVRecord> standing = csv(analyst, "standing.csv" + only);
        assertThat(standing.stream().map(CSVRecord::values).toList()).containsExactly(
                new String[] {"Status", "Now", "Ever reached"}, new String[] {"in stock", "5", "14"},
                new String[] {"issued", "<5", "7"}, new String[] {"lost", "0", "5"},
                new String[] {"stolen", "0", "<5"}, new String[] {"seized", "0", "0"},
                new String[] {"destroyed", "0", "0"});

        Map<String, String> losses = new LinkedHashMap<>();
        csv(analyst, "losses.csv" + only).forEach(r -> losses.put(r.get(0), r.get(1)));
        assertThat(losses).containsExactly(Map.entry("Kind", "Entries"), Map.entry("Reported lost", "5"),
                Map.entry("Reported stolen", "<5"), Map.entry("Seized", "0"), Map.entry("Found and declared", "<5"),
                Map.entry("Destroyed", "0"));

        // days held by nearest rank of the seven (open ones up to now): p50 the 4th, p90 the 7th
        Instant read = Instant.now();
        List<Double> held = new ArrayList<>();
        issued.forEach((i, at) -> held.add(Duration.between(at, returned.getOrDefault(i, read)).toSeconds() / 86400.0));
        held.sort(null);
        List<CSVRecord> daysHeld = csv(analyst, "days-held.csv" + only);
        assertThat(daysHeld.get(0).values()).containsExactly("Issuing point", "Median (p50), days",
                "9 in 10 within (p90), days");
        assertThat(daysHeld).hasSize(2);
        assertThat(daysHeld.get(1).get(0)).isEqualTo(point);
        assertThat(Double.parseDouble(daysHeld.get(1).get(1))).isCloseTo(held.get(3), within(0.051));
        assertThat(Double.parseDouble(daysHeld.get(1).get(2))).isCloseTo(held.get(6), within(0.051));
        assertThat(analyst.get("/console/arms/reports/days-held.csv" + only).body())
                .startsWith("Issuing point,\"Median (p50), days\",\"9 in 10 within (p90), days\"\r\n");

        // days past the due day: as if martial law had ended 14 days ago, this point's issues due 4 days ago (set here,
        // for this point only: recording the end would make every open issue of the shared database due)
        LocalDate due = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(4);
        jdbc.sql("update arms_issue set due_on = ? where point_code = ?").params(due, point).update();
        Instant overdueFrom = due.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant readAgain = Instant.now();
        List<Double> late = new ArrayList<>();
        issued.forEach((i, at) -> late.add(Math.max(0, Duration.between(overdueFrom,
                returned.getOrDefault(i, readAgain)).toSeconds() / 86400.0)));
        late.sort(null);
        List<CSVRecord> overdue = csv(analyst, "days-overdue.csv" + only);
        assertThat(overdue).hasSize(2);
        assertThat(overdue.get(1).get(0)).isEqualTo(point);
        assertThat(late.get(0)).isZero(); // returned before the due day: 0, not negative
        assertThat(Double.parseDouble(overdue.get(1).get(1))).isCloseTo(late.get(3), within(0.051));
        assertThat(Double.parseDouble(overdue.get(1).get(2))).isCloseTo(late.get(6), within(0.051));
        assertThat(analyst.get("/console/arms/reports/days-overdue.svg" + only).body()).startsWith("<svg")
                .contains("class=\"reference\"").contains("The due day");

        ConsoleSession.Page page = analyst.get("/console/arms/reports" + only);
        assertThat(page.status()).isEqualTo(200);
        for (String id : List.of("issues-per-day", "standing", "days-held", "days-overdue", "losses")) {
            assertThat(page.body()).contains("id=\"figure-" + id + "\"",
                    "src=\"/console/arms/reports/" + id + ".svg?point=" + point + "\"",
                    "href=\"/console/arms/reports/" + id + ".csv?point=" + point + "\"");
        }
        assertThat(page.body().split("class=\"figure-table\"", -1)).hasSize(8);
        assertThat(page.body()).doesNotContain("Флоренко").doesNotContain(serials.get(0));
        assertThat(analyst.get("/console/arms/reports/standing.svg" + only).body()).startsWith("<svg")
                .doesNotContain("<script");
        assertThat(analyst.get("/console/arms/reports/standing.csv?point=a%20b").status()).isEqualTo(400);
        assertThat(ConsoleSession.login(port, desk, PW).get("/console/arms/reports/losses.csv").status())
                .isEqualTo(403);
    }

    private static List<CSVRecord> csv(ConsoleSession analyst, String path) throws Exception {
        ConsoleSession.Page answer = analyst.get("/console/arms/reports/" + path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return CSVFormat.RFC4180.parse(new StringReader(answer.body())).getRecords();
    }
}
