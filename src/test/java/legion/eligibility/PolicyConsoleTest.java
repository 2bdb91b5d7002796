package legion.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.shared.Actor;
import legion.shared.Role;
import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** Administrators publish a policy version and edit advisories on console pages; other officers cannot. */
@LegionIntegrationTest
class PolicyConsoleTest {

    @LocalServerPort
    int port;
    @Autowired
    Eligibility eligibility;

    @AfterEach
    void restoreTheShippedRules() {
        eligibility.publish(Actor.officer("admin", Role.ADMINISTRATOR, null), PolicyParameters.defaults(Set.of("RU")),
                "back to the shipped rules");
    }

    @Test
    void anAdministratorPublishesOnThePageAndSeesWhoseOutcomeChanged() {
        var body = Applications.valid();
        body.put("militaryExperience", Map.of("years", 3, "combatDeployments", 0));
        String reference = new Http(port).postJson("/api/v1/enlistments", Http.json(body)).json()
                .get("reference").stringValue();
        ConsoleSession admin = ConsoleSession.login(port, "admin", "demo-password");
        var page = admin.get("/console/admin/eligibility");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-rule=\"age-18-60\">Age 18 to 60<")
                .contains("data-rule=\"passport-valid-6-months\">Passport valid for at least 6 more months<");
        assertThat(admin.get("/console/admin/eligibility?lang=uk").body()).contains("data-rule=\"age-18-60\"")
                .doesNotContain(">Age 18 to 60<");
        admin.get("/console/admin/eligibility?lang=en"); // the choice is kept in a cookie: back to English
        Map<String, String> form = new LinkedHashMap<>();
        form.put("minAge", "18");
        form.put("maxAge", "60");
        form.put("minPassportValidityMonths", "6");
        form.put("excluded", "RU");
        form.put("INFANTRY.combatDeployments", "true");
        form.put("INFANTRY.english", "true");
        form.put("MEDIC.medicalQualification", "true");
        form.put("COMBAT_MEDIC.medicalQualification", "true");
        form.put("note", "From today infantry needs combat experience and English");
        var published = admin.postWithToken("/console/admin/eligibility", page, form);
        assertThat(published.status()).isEqualTo(302);
        assertThat(published.location()).matches(".*/console/admin/eligibility/\\d+");
        var report = admin.get(published.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(report.body()).contains(reference).contains("Not eligible")
                .contains("From today infantry needs combat experience and English")
                .doesNotContain("Arthur Philip");
        assertThat(eligibility.current().policy().parameters().requirementsOf(legion.shared.ServiceRole.INFANTRY))
                .isEqualTo(new RoleRequirements(false, true, true, false));
    }

    @Test
    void anInvalidVersionIsNotPublished() {
        int before = eligibility.current().version();
        ConsoleSession admin = ConsoleSession.login(port, "admin", "demo-password");
        var page = admin.get("/console/admin/eligibility");
        var answer = admin.postWithToken("/console/admin/eligibility", page,
                Map.of("minAge", "65", "maxAge", "60", "minPassportValidityMonths", "6", "excluded", "RU"));
        assertThat(answer.location()).endsWith("/console/admin/eligibility");
        assertThat(eligibility.current().version()).isEqualTo(before);
    }

    @Test
    void otherOfficersCannotOpenTheAdministrationPages() {
        ConsoleSession embassy = ConsoleSession.login(port, "embassy-gb", "demo-password");
        assertThat(embassy.get("/console/admin/eligibility").status()).isEqualTo(403);
        assertThat(embassy.get("/console/admin/advisories").status()).isEqualTo(403);
    }

    @Test
    void anAdministratorEditsAnAdvisoryOnThePageAsANewVersion() {
        ConsoleSession admin = ConsoleSession.login(port, "admin", "demo-password");
        var page = admin.get("/console/admin/advisories?country=CY");
        assertThat(page.body()).contains("no information on file");
        var saved = admin.postWithToken("/console/admin/advisories", page, Map.of("country", "CY",
                "status", "UNCLEAR", "summary", "A test summary from the console.",
                "sourceDescription", "A test source", "sourceDate", "2026-11"));
        assertThat(saved.location()).contains("country=CY");
        var after = admin.get("/console/admin/advisories?country=CY");
        assertThat(after.body()).contains("A test summary from the console.").contains("A test source (2026-11)");
        assertThat(new Http(port).get("/api/v1/advisories/CY", null, null).json().get("version").intValue())
                .isEqualTo(1);
    }
}
