package legion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.intake.VolunteerMail;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.Outbox;

/**
 * The portal, its error messages and its mail speak the volunteer's language: the one chosen with {@code ?lang=}
 * (kept in a cookie), else the first one of the browser's Accept-Language the service has, else English. Checked for
 * every translation in {@link MessageBundlesTest#TRANSLATIONS}.
 */
@LegionIntegrationTest
class PortalLocaleTest {

    /** A word of the navigation in each translation, written here rather than read from the bundle. */
    static final Map<String, String> APPLY = Map.of("en", "Apply", "uk", "Подати заяву", "pl", "Złóż wniosek",
            "de", "Bewerben", "fr", "Postuler", "es", "Solicitar");

    @LocalServerPort
    int port;
    @Autowired
    VolunteerMail mail;

    static Stream<String> translations() {
        return MessageBundlesTest.translations();
    }

    /** The text of a key as a page shows it (Thymeleaf escapes what could be markup). */
    static String shown(Properties bundle, String key, Object... args) {
        String text = bundle.getProperty(key);
        assertThat(text).as(key).isNotNull();
        if (args.length > 0) {
            text = new MessageFormat(text, Locale.ENGLISH).format(args);
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @ParameterizedTest
    @MethodSource("translations")
    void portalPagesReadInTheChosenLanguage(String language) throws Exception {
        Properties t = MessageBundlesTest.load(MessageBundlesTest.bundle(language));
        ConsoleSession volunteer = ConsoleSession.anonymous(port);
        for (String page : List.of("/", "/apply/name", "/status", "/apply/confirmation", "/login")) {
            var shown = volunteer.get(page + "?lang=" + language);
            assertThat(shown.status()).as(page).isEqualTo(200);
            assertThat(shown.body()).as(page).doesNotContain("??").contains("<html lang=\"" + language + "\">");
            if (!page.equals("/login")) {
                assertThat(shown.body()).as(page).contains(">" + APPLY.get(language) + "</a>")
                        .doesNotContain(">Apply</a>")
                        .contains("hreflang=\"en\">English</a>", "hreflang=\"uk\">Українська</a>",
                                "hreflang=\"pl\">Polski</a>");
            }
        }
        // the choice is kept: the next page without ?lang= is in the same language
        assertThat(volunteer.get("/").body()).contains(shown(t, "start.title")).contains(shown(t, "start.button"));
        // the officers' sign-in is in the languages complete for the console; the others show it in English
        assertThat(volunteer.get("/login").body()).contains(MessageBundlesTest.VOLUNTEERS_ONLY.contains(language)
                ? "Sign in" : shown(t, "login.button"));
    }

    /**
     * Through the whole portal in one language: the error summary, "check your answers" with its filled-in texts
     * and the advisory, the refusal without the acknowledgement, the confirmation, the mailed code, the status page.
     */
    @ParameterizedTest
    @MethodSource("translations")
    void aVolunteerAppliesAndChecksTheStatusInTheirLanguage(String language) throws Exception {
        Properties t = MessageBundlesTest.load(MessageBundlesTest.bundle(language));
        Locale locale = Locale.forLanguageTag(language);
        ConsoleSession volunteer = ConsoleSession.anonymous(port);
        var form = volunteer.follow(volunteer.get("/apply?lang=" + language));

        var errors = volunteer.postAndFollow("/apply", form, Map.of());
        assertThat(errors.body()).doesNotContain("??").contains(shown(t, "error.summary"))
                .contains(shown(t, "error.surname.required")).doesNotContain("Enter your surname");

        String passport = "Q" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        LocalDate expiry = LocalDate.now().plusYears(4);
        Map<String, String> answers = new LinkedHashMap<>();
        answers.putAll(Map.of("givenNames", "Jan", "surname", "Nowak-" + language, "dobDay", "11", "dobMonth", "3",
                "dobYear", "1985", "sex", "M", "nationality", "GB", "countryOfResidence", "GB"));
        answers.putAll(Map.of("passportNumber", passport, "passportIssuingCountry", "GB",
                "expiryDay", Integer.toString(expiry.getDayOfMonth()), "expiryMonth",
                Integer.toString(expiry.getMonthValue()), "expiryYear", Integer.toString(expiry.getYear()),
                "email", "jan.nowak." + language + "@example.org", "languages", "en, " + language, "role", "INFANTRY"));
        answers.putAll(Map.of("hasExperience", "yes", "years", "6", "branch", "Royal Anglian Regiment",
                "combatDeployments", "2", "criminalRecord", "false"));
        var check = volunteer.postAndFollow("/apply", errors, answers);
        String country = new Locale("", "GB").getDisplayCountry(locale);
        assertThat(check.body()).doesNotContain("??").contains(shown(t, "check.title"))
                .contains(shown(t, "check.experience", "6", "Royal Anglian Regiment", "2"))
                .contains(shown(t, "role.INFANTRY"))
                .contains(shown(t, "check.advisory.title", country)).contains(shown(t, "advisory.none"))
                .contains(shown(t, "field.homeCountryLawAcknowledged"))
                .doesNotContain("Check your answers").doesNotContain("United Kingdom");

        var unacknowledged = volunteer.postAndFollow("/apply/submit", check, answers);
        assertThat(unacknowledged.body()).contains(shown(t, "error.acknowledge"));
        Map<String, String> acknowledged = new LinkedHashMap<>(answers);
        acknowledged.put("homeCountryLawAcknowledged", "true");
        var sent = volunteer.postWithToken("/apply/submit", unacknowledged, acknowledged);
        assertThat(sent.location()).endsWith("/apply/confirmation");
        String confirmation = volunteer.get("/apply/confirmation").body();
        assertThat(confirmation).doesNotContain("??").contains(shown(t, "confirmation.title"))
                .contains(shown(t, "confirmation.embassy", "Embassy in London"));
        Matcher reference = Pattern.compile("LGN-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(confirmation);
        assertThat(reference.find()).isTrue();
        String ref = reference.group();

        var status = volunteer.get("/status");
        var codePage = volunteer.postAndFollow("/status", status, Map.of("reference", ref, "passportNumber", passport,
                "dobDay", "11", "dobMonth", "3", "dobYear", "1985"));
        assertThat(codePage.body()).doesNotContain("??").contains(shown(t, "status.code.title"));
        String code = Outbox.codeFor(mail.outbox(), ref);
        String body = new MessageFormat(t.getProperty("mail.code.body"), locale).format(new Object[] {code, ref, 10});
        assertThat(Outbox.newestCodeFor(mail.outbox(), ref).asRead())
                .contains("Subject: " + t.getProperty("mail.code.subject")).contains(body)
                .doesNotContain("security code is");
        volunteer.postWithToken("/status/code", codePage, Map.of("code", code));
        assertThat(volunteer.get("/status/case").body()).doesNotContain("??").contains(shown(t, "stage.SUBMITTED"))
                .contains(shown(t, "status.stage.explain.SUBMITTED")).contains(shown(t, "status.withdraw"));
    }


    /** With no choice made, the browser's Accept-Language decides, by language whatever the region. */
    @Test
    void acceptLanguagePicksTheFirstLanguageTheServiceHas() {
        Http http = new Http(port);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("pl-PL", "pl");
        expected.put("pl", "pl");
        expected.put("pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7", "pl");
        expected.put("de-DE,de;q=0.9,pl;q=0.8,en;q=0.5", "de");
        expected.put("nl-NL,nl;q=0.9,pl;q=0.8,en;q=0.5", "pl");
        expected.put("uk-UA,uk;q=0.9,pl;q=0.8", "uk");
        expected.put("en-GB,en;q=0.9,pl;q=0.8", "en");
        expected.put("fr-FR,fr;q=0.9", "fr");
        expected.put("es-MX,es;q=0.9", "es");
        expected.put("it-IT,it;q=0.9", "en");
        for (var e : expected.entrySet()) {
            var page = http.getWith("/", "Accept-Language", e.getKey());
            assertThat(page.status()).as(e.getKey()).isEqualTo(200);
            assertThat(page.body()).as(e.getKey()).contains("<html lang=\"" + e.getValue() + "\">")
                    .contains(">" + APPLY.get(e.getValue()) + "</a>").doesNotContain("??");
        }
        // the API's field errors too
        var refused = http.postJson("/api/v1/enlistments", "{}", "Accept-Language", "pl-PL");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Wpisz swoje nazwisko").doesNotContain("Enter your surname");
    }

    /** A language chosen on the page wins over the browser's, on this request and (by the cookie) the next ones. */
    @Test
    void theChosenLanguageWinsOverAcceptLanguage() {
        Http http = new Http(port);
        var chosen = http.getWith("/?lang=en", "Accept-Language", "pl-PL");
        assertThat(chosen.body()).contains("<html lang=\"en\">").contains(">Apply</a>");
        String cookie = chosen.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("LEGION_LANG=")).findFirst().orElseThrow().split(";", 2)[0];
        assertThat(cookie).isEqualTo("LEGION_LANG=en");
        assertThat(http.getWith("/", "Accept-Language", "pl-PL", "Cookie", cookie).body())
                .contains("<html lang=\"en\">").contains(">Apply</a>");
        assertThat(http.getWith("/?lang=pl", "Accept-Language", "en-GB").body())
                .contains("<html lang=\"pl\">").contains(">Złóż wniosek</a>");
    }
}
