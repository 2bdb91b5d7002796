package legion.parole.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.access.Officers;
import legion.parole.ParolePolicies;
import legion.parole.api.ParoleJourney;
import legion.parole.policy.PolicyV1;
import legion.shared.Actor;
import legion.shared.Role;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * The administrator's parole policy page (the same fragments as the Legion's eligibility page): the versions with
 * their rules and legal sources, a corrected version published from the form judging open cases again and its
 * report naming the changed case; bad input publishes nothing; other roles cannot open it.
 */
@LegionIntegrationTest
class ParolePolicyPageTest {

    static final String PW = "parole-policy-password";
    static final String PAGE = "/console/admin/parole-policy";

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    ParolePolicies policies;
    @Autowired
    JdbcClient jdbc;
    ParoleJourney j;

    @BeforeEach
    void setUp() {
        j = new ParoleJourney(new Http(port), officers, "pp", PW);
    }

    @AfterEach
    void backToPolicyV1() {
        if (!policies.current().parameters().equals(PolicyV1.parameters())) {
            policies.publish(Actor.officer("admin", Role.ADMINISTRATOR, null), PolicyV1.parameters(),
                    "back to policy v1");
        }
    }

    private Map<String, String> form(String excluded, String years) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("excludedOffences", excluded);
        form.put("remainingTermYears", years);
        return form;
    }

    private String outcome(String reference) {
        return jdbc.sql("select outcome from parole_case where reference = ?").param(reference)
                .query(String.class).single();
    }

    @Test
    void anAdministratorSeesTheRulesWithTheirSourcesPublishesACorrectionAndSeesWhatChanged() {
        String open = j.file("Богдан Policy", LocalDate.now(ZoneId.of("Europe/Kyiv")).plusYears(1)); // 185:2
        assertThat(outcome(open)).isEqualTo("ELIGIBLE");
        ConsoleSession admin = ConsoleSession.login(port, j.name("admin"), PW);
        ConsoleSession.Page page = admin.get(PAGE + "?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-rule=\"EXCLUDED_OFFENCE\">Excluded offence<")
                .contains("data-rule=\"REMAINING_TERM\">Remaining term<")
                .contains("Criminal Code of Ukraine art. 81-1 (Law 3687-IX of 08.05.2024)")
                .contains("115:2.10");
        int before = policies.currentVersion();

        Map<String, String> form = form(PolicyV1.EXCLUDED_OFFENCES + "; ст. 185 ч. 2", "3");
        form.put("source.EXCLUDED_OFFENCE", "Criminal Code art. 81-1 as corrected on 2026-12-01 (test source)");
        form.put("note", "Theft under part 2 excluded (test)");
        ConsoleSession.Page published = admin.postWithToken(PAGE, page, form);
        assertThat(published.status()).isEqualTo(302);
        assertThat(published.location()).endsWith(PAGE + "/" + (before + 1));
        assertThat(policies.currentVersion()).isEqualTo(before + 1);
        assertThat(outcome(open)).as("the open case judged again").isEqualTo("NOT_ELIGIBLE");

        String report = admin.get(published.location().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(report).contains("The new version is published")
                .contains(open).contains("Not eligible today")
                .contains("Theft under part 2 excluded (test)")
                .contains("Criminal Code art. 81-1 as corrected on 2026-12-01 (test source)")
                .doesNotContain("Богдан Policy");
        String changes = report.substring(report.indexOf("id=\"report\""), report.indexOf("id=\"versions\""));
        assertThat(changes).contains(open);
    }

    @Test
    void badInputPublishesNothing() {
        ConsoleSession admin = ConsoleSession.login(port, j.name("admin"), PW);
        int before = policies.currentVersion();
        var parameters = policies.current().parameters();
        ConsoleSession.Page page = admin.get(PAGE + "?lang=en");
        Map<String, String> bidi = form(PolicyV1.EXCLUDED_OFFENCES, "3");
        bidi.put("source.LIFE_SENTENCE", "Code \u202Eart. 81-1");
        Map<String, String> unknownRule = form(PolicyV1.EXCLUDED_OFFENCES, "3");
        unknownRule.put("source.NO_SUCH_RULE", "somewhere");
        for (Map<String, String> bad : java.util.List.of(form("115:2.1;11x", "3"), form("", "3"),
                form(PolicyV1.EXCLUDED_OFFENCES, "x"), form(PolicyV1.EXCLUDED_OFFENCES, "31"),
                form(PolicyV1.EXCLUDED_OFFENCES, "-1"), form(PolicyV1.EXCLUDED_OFFENCES, ""), bidi, unknownRule)) {
            ConsoleSession.Page answer = admin.postWithToken(PAGE, page, bad);
            assertThat(answer.status()).as(bad.toString()).isEqualTo(302);
            assertThat(answer.location()).as(bad.toString()).endsWith(PAGE);
            assertThat(policies.currentVersion()).as(bad.toString()).isEqualTo(before);
        }
        assertThat(policies.current().parameters()).isEqualTo(parameters);
        assertThat(admin.get(PAGE + "?lang=en").body()).contains("Not published");
        assertThat(admin.get(PAGE + "/9999").status()).isEqualTo(404);
    }

    @Test
    void otherRolesCannotOpenOrPostThePage() {
        int before = policies.currentVersion();
        ConsoleSession prison = ConsoleSession.login(port, j.name("prison"), PW);
        ConsoleSession.Page queue = prison.get("/console/parole");
        assertThat(prison.get(PAGE).status()).isEqualTo(403);
        assertThat(prison.postWithToken(PAGE, queue, form(PolicyV1.EXCLUDED_OFFENCES, "2")).status())
                .isEqualTo(403);
        assertThat(policies.currentVersion()).isEqualTo(before);
    }
}
