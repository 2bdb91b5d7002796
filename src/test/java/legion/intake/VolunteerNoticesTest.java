package legion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import legion.support.Applications;
import legion.support.Cases;
import legion.support.Eventually;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Volunteers are told by mail, over real SMTP (GreenMail in-process), in the language they applied in: one message
 * for each change they need to know of, each exactly once, none with their passport number or date of birth.
 */
@LegionIntegrationTest
class VolunteerNoticesTest {

    static final String PW = Cases.PW;
    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("legion.outbox.interval-ms", () -> "200");
        registry.add("legion.public-url", () -> "https://legion.example/");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pl, 'pl-PL,pl;q=0.9', PL, embassy-pl, Jan, Kowalski",
            "de, 'de-DE,de;q=0.9', DE, embassy-de, Jürgen, Böhm"})
    void aVolunteerIsToldEveryStepInTheLanguageTheyAppliedInOnce(String language, String acceptLanguage,
            String country, String embassy, String given, String surname) throws Exception {
        Http http = new Http(port);
        Map<String, Object> application = Applications.valid(given, surname, country);
        String passport = passportOf(application);
        var submitted = http.postJson("/api/v1/enlistments", Http.json(application), "Accept-Language", acceptLanguage);
        assertThat(submitted.status()).isEqualTo(201);
        String ref = submitted.json().get("reference").stringValue();

        ok(Cases.act(http, ref, embassy, "{\"transition\":\"START_REVIEW\"}"));
        ok(Cases.act(http, ref, embassy, "{\"transition\":\"REQUEST_INFORMATION\",\"reason\":\"Send your service record\"}"));
        ok(Cases.act(http, ref, embassy, "{\"transition\":\"RECEIVE_INFORMATION\",\"reason\":\"received\"}"));
        Cases.toInterviewed(http, ref, embassy);
        ok(Cases.act(http, ref, embassy, "{\"transition\":\"RECOMMEND\",\"reason\":\"fine\"}"));
        Cases.clearDuplicates(http, ref);
        ok(Cases.act(http, ref, "vetting1", "{\"transition\":\"APPROVE\"}"));
        ok(Cases.act(http, ref, "vetting1", "{\"transition\":\"AUTHORIZE\"}"));
        ok(Cases.act(http, ref, "vetting1", "{\"transition\":\"REVOKE\",\"reason\":\"new information\"}"));

        List<MimeMessage> mails = mailsFor(ref, 6);
        Properties pl = bundle(language);
        assertThat(subjects(mails)).containsExactly(
                format(pl, "notice.subject.SUBMITTED", ref), format(pl, "notice.subject.INFO_REQUESTED", ref),
                format(pl, "notice.subject.INTERVIEW", ref), format(pl, "notice.subject.APPROVED", ref),
                format(pl, "notice.subject.AUTHORIZED", ref), format(pl, "notice.subject.REVOKED", ref));
        for (MimeMessage m : mails) {
            String text = String.valueOf(m.getContent());
            assertThat(m.getHeader("Content-Language", null)).isEqualTo(language);
            assertThat(m.getContentType()).containsIgnoringCase("charset=UTF-8");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(application.get("email"));
            assertThat(text).contains(ref).contains("https://legion.example/status")
                    .doesNotContain(passport).doesNotContain("1982").doesNotContain("Send your service record");
        }
        String interview = String.valueOf(mails.get(2).getContent());
        assertThat(interview).contains("Europe/London").contains(pl.getProperty("notice.mode.VIDEO"));
        // every message of the case sent, and none twice
        String id = jdbc.sql("select id from enlistment where reference = ?").param(ref).query(String.class).single();
        assertThat(jdbc.sql("select status from outbox_message where dedupe_key like ?").param("enlistment:" + id + ":%")
                .query(String.class).list()).hasSize(6).containsOnly("SENT");
        assertThat(allFor(ref)).hasSize(6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, en-GB, GB, embassy-gb", "es, es-MX, MX, embassy-us"})
    void aRejectionGivesTheReasonInPlainWordsInTheVolunteersLanguage(String language, String acceptLanguage,
            String country, String embassy) throws Exception {
        Http http = new Http(port);
        Map<String, Object> application = Applications.valid("Ann", "Lee", country);
        String ref = http.postJson("/api/v1/enlistments", Http.json(application), "Accept-Language", acceptLanguage)
                .json().get("reference").stringValue();
        ok(Cases.act(http, ref, embassy, "{\"transition\":\"START_REVIEW\"}"));
        ok(Cases.act(http, ref, embassy, "{\"transition\":\"REJECT\",\"reasonCode\":\"NO_MILITARY_EXPERIENCE\","
                + "\"reason\":\"no service record at all\"}"));

        List<MimeMessage> mails = mailsFor(ref, 2);
        Properties en = bundle(language.equals("en") ? "" : language);
        assertThat(subjects(mails)).containsExactly(format(en, "notice.subject.SUBMITTED", ref),
                format(en, "notice.subject.REJECTED", ref));
        String rejection = String.valueOf(mails.get(1).getContent());
        assertThat(rejection).contains(en.getProperty("notice.reason.NO_MILITARY_EXPERIENCE"))
                .doesNotContain("no service record at all");
        assertThat(mails.get(1).getHeader("Content-Language", null)).isEqualTo(language);
    }

    private static void ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static List<MimeMessage> mailsFor(String ref, int expected) throws Exception {
        Eventually.equalTo(expected, Duration.ofSeconds(30), () -> allFor(ref).size());
        List<MimeMessage> mails = allFor(ref);
        assertThat(mails).hasSize(expected);
        return mails;
    }

    private static List<MimeMessage> allFor(String ref) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            try {
                if (m.getSubject().contains(ref)) {
                    found.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static List<String> subjects(List<MimeMessage> mails) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mails) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }

    @SuppressWarnings("unchecked")
    private static String passportOf(Map<String, Object> application) {
        return (String) ((Map<String, Object>) application.get("passport")).get("number");
    }

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        String name = language.isEmpty() ? "/messages.properties" : "/messages_" + language + ".properties";
        try (var in = new InputStreamReader(VolunteerNoticesTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static String format(Properties bundle, String key, Object... args) {
        return new MessageFormat(bundle.getProperty(key), Locale.ROOT).format(args);
    }
}
