package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** What volunteers type is shown to officers as text, never as markup; the console speaks the officer's language. */
@LegionIntegrationTest
class ConsoleRenderingTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;

    @Test
    void rendersHtmlMetacharactersEscaped() {
        String given = "<img src=x onerror=alert(1)>";
        String surname = "<script>alert(\"x\")</script> & 'quoted'";
        var body0 = Applications.valid(given, surname, "GB");
        body0.put("nationality", "MT"); // a nationality no other test uses, so the filtered queue shows this case
        String ref = new Http(port).postJson("/api/v1/enlistments", Http.json(body0)).json().get("reference").stringValue();
        ConsoleSession officer = ConsoleSession.login(port, "embassy-gb", "demo-password");
        for (String page : new String[] {"/console/cases/" + ref, "/console/cases?nationality=MT&limit=200"}) {
            String body = officer.get(page).body();
            assertThat(body).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
            assertThat(body).as(page).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;");
        }
    }

    /**
     * Every console page has all its texts in each translation: no key without a text (Thymeleaf shows ??key_uk??),
     * and the page is in that language (its words to sign out and in).
     */
    @ParameterizedTest
    @CsvSource({"uk, Вийти, Увійти", "pl, Wyloguj się, Zaloguj się"})
    void consolePagesReadInEachTranslation(String language, String signOut, String signIn) {
        String ref = new Http(port).postJson("/api/v1/enlistments", Http.json(Applications.valid("Ivan", "Franko", "GB")))
                .json().get("reference").stringValue();
        String[][] pages = {
            {"embassy-gb", "/console/cases", "/console/cases/" + ref},
            {"vetting1", "/console/cases/" + ref, "/console/reports"},
            {"admin", "/console/admin", "/console/admin/eligibility", "/console/admin/parole-policy",
                "/console/admin/advisories?country=LV", "/console/admin/keys"},
            {"border1", "/console/border", "/console/border/offline"},
        };
        for (String[] officer : pages) {
            ConsoleSession session = ConsoleSession.login(port, officer[0], "demo-password");
            for (int i = 1; i < officer.length; i++) {
                String page = officer[i] + (officer[i].contains("?") ? "&" : "?") + "lang=" + language;
                var shown = session.get(page);
                assertThat(shown.status()).as(page).isEqualTo(200);
                assertThat(shown.body()).as(page).doesNotContain("??").contains(signOut).doesNotContain(">Sign out<")
                        .contains("hreflang=\"" + language + "\""); // officers switch language from the header
            }
        }
        assertThat(ConsoleSession.anonymous(port).get("/login?lang=" + language).body()).doesNotContain("??")
                .contains(signIn);
    }

    /**
     * The case page names what it shows: the role beside each name and the reason code in the history, the rules of
     * the eligibility verdict and the roles in their explanations, the assigned role; in English, Ukrainian and Polish.
     */
    @Test
    void theCasePageNamesRolesReasonsAndRulesInTheOfficersLanguage() {
        Http http = new Http(port);
        var medic = Applications.valid("Taras", "Likar", "GB");
        medic.put("role", "COMBAT_MEDIC");
        String rejected = http.postJson("/api/v1/enlistments", Http.json(medic)).json().get("reference").stringValue();
        act(http, rejected, "embassy-gb", "{\"transition\":\"START_REVIEW\"}");
        act(http, rejected, "embassy-gb", "{\"transition\":\"REJECT\",\"reasonCode\":\"INCOMPLETE\",\"reason\":\"no service record\",\"expectedVersion\":1}");
        ConsoleSession officer = ConsoleSession.login(port, "embassy-gb", PW);

        String english = officer.get("/console/cases/" + rejected).body();
        assertThat(english).contains(">Embassy officer<").contains(">Volunteer<").contains("[Incomplete application]")
                .contains("no service record")
                .contains("data-rule=\"role-medical-qualification\"").contains(">Medical qualification for the role<")
                .contains("The role Combat medic needs a medical qualification");
        assertThat(english).doesNotContain("(EMBASSY_OFFICER)").doesNotContain(">EMBASSY_OFFICER<")
                .doesNotContain("[INCOMPLETE]").doesNotContain(">role-medical-qualification<")
                .doesNotContain("role COMBAT_MEDIC");

        String ukrainian = officer.get("/console/cases/" + rejected + "?lang=uk").body();
        assertThat(ukrainian).contains(">Співробітник посольства<").contains(">Доброволець<").contains("[Неповна заява]")
                .contains(">Медична кваліфікація для посади<")
                .contains("Посада «Бойовий медик» потребує медичної кваліфікації").doesNotContain("[Incomplete application]");
        String polish = officer.get("/console/cases/" + rejected + "?lang=pl").body();
        assertThat(polish).contains(">Urzędnik ambasady<").contains(">Ochotnik<").contains("[Niekompletny wniosek]")
                .contains(">Kwalifikacje medyczne wymagane dla funkcji<")
                .contains("Funkcja „Ratownik pola walki” wymaga kwalifikacji medycznych")
                .doesNotContain("[Incomplete application]").doesNotContain("??");

        var driver = Applications.valid("Petro", "Vodiy", "GB");
        driver.put("email", "petro.vodiy@example.org");
        String enlisted = http.postJson("/api/v1/enlistments", Http.json(driver)).json().get("reference").stringValue();
        legion.support.Cases.authorize(http, enlisted, "embassy-gb");
        act(http, enlisted, "reception1", "{\"transition\":\"CONFIRM_ARRIVAL\",\"reason\":\"ok\"}");
        act(http, enlisted, "reception1", "{\"transition\":\"ENLIST\",\"role\":\"DRIVER\",\"unit\":\"3rd Transport Company\"}");
        ConsoleSession reception = ConsoleSession.login(port, "reception1", PW);
        assertThat(reception.get("/console/cases/" + enlisted).body())
                .contains("<span>Driver (including vehicle repair)</span> / <span>3rd Transport Company</span>")
                .contains(">Reception officer<").contains(">Vetting officer<");
        assertThat(reception.get("/console/cases/" + enlisted + "?lang=uk").body())
                .contains("<span>Водій (зокрема ремонт техніки)</span> / <span>3rd Transport Company</span>")
                .contains(">Офіцер пункту прийому<");
        assertThat(reception.get("/console/cases/" + enlisted + "?lang=pl").body())
                .contains("<span>Kierowca (także naprawa pojazdów)</span> / <span>3rd Transport Company</span>")
                .contains(">Funkcjonariusz punktu przyjęć<").contains(">Funkcjonariusz weryfikacji<");
    }

    private void act(Http http, String reference, String officer, String transition) {
        var done = http.postJsonAs("/api/v1/enlistments/" + reference + "/transitions", transition, officer, PW);
        assertThat(done.status()).as(transition + " " + done.body()).isEqualTo(200);
    }

    @Test
    void sendsStrictSecurityHeaders() {
        var page = new Http(port).get("/", null, null);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
