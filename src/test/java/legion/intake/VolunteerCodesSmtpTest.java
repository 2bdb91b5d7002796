package legion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.Http;
import legion.support.TestDatabase;

/** One-time codes reach the volunteer's mailbox over real SMTP (GreenMail in-process); single use, short-lived. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("integration")
class VolunteerCodesSmtpTest {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    VolunteerCodes codes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void sendsASingleUseShortLivedCodeByMail() throws Exception {
        Map<String, Object> body = Applications.valid("Arthur", "Dent", "GB");
        body.put("email", "arthur.smtp@example.org");
        @SuppressWarnings("unchecked")
        String passport = (String) ((Map<String, Object>) body.get("passport")).get("number");
        Reference ref = new Reference(new Http(port).postJson("/api/v1/enlistments", Http.json(body)).json()
                .get("reference").stringValue());

        assertThat(codes.send(ref, "WRONG0000", LocalDate.of(1982, 3, 11), Locale.ENGLISH)).isEmpty();
        EnlistmentId id = codes.send(ref, passport, LocalDate.of(1982, 3, 11), Locale.ENGLISH).orElseThrow();
        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = lastCodeMail();
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("arthur.smtp@example.org");
        String code = lastCode();

        assertThat(codes.verify(id, code)).isTrue();
        assertThat(codes.verify(id, code)).as("single use").isFalse();

        codes.send(ref, passport, LocalDate.of(1982, 3, 11), Locale.ENGLISH);
        String second = lastCode();
        jdbc.sql("update intake_volunteer_code set expires_at = ? where enlistment_id = ?")
                .params(java.time.OffsetDateTime.now().minusMinutes(1), id.value()).update();
        assertThat(codes.verify(id, second)).as("expired").isFalse();

        codes.send(ref, passport, LocalDate.of(1982, 3, 11), Locale.ENGLISH);
        String third = lastCode();
        for (int i = 0; i < VolunteerCodes.MAX_ATTEMPTS; i++) {
            codes.verify(id, third.equals("000000") ? "111111" : "000000");
        }
        assertThat(codes.verify(id, third)).as("too many attempts").isFalse();
    }

    /** The code of the newest code mail (the volunteer also gets other mail, such as the confirmation, in between). */
    private static String lastCode() throws Exception {
        Matcher m = Pattern.compile("code is (\\d{6})").matcher(GreenMailUtil.getBody(lastCodeMail()));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static MimeMessage lastCodeMail() throws Exception {
        MimeMessage[] all = SMTP.getReceivedMessages();
        for (int i = all.length - 1; i >= 0; i--) {
            if ("Your Legion security code".equals(all[i].getSubject())) {
                return all[i];
            }
        }
        throw new AssertionError("no code mail");
    }
}
