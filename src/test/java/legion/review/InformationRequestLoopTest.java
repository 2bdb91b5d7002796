package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.intake.VolunteerMail;
import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.Outbox;

/**
 * The embassy's loop end to end: an officer asks for a document, the volunteer (details + emailed code) answers and
 * uploads on the portal, the case returns to the queue, the officer reads the answer and opens the document; uploads
 * with a wrong type, an oversize file and a file that lies about its type are refused and change nothing; interviews
 * are scheduled with a time zone and their outcome recorded.
 */
@LegionIntegrationTest
class InformationRequestLoopTest {

    static final String PW = "demo-password";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    @LocalServerPort
    int port;
    @Autowired
    VolunteerMail mail;
    @Autowired
    JdbcClient jdbc;

    String stage(String ref) {
        return jdbc.sql("select stage from enlistment where reference = ?").param(ref).query(String.class).single();
    }

    long documents(String ref) {
        return jdbc.sql("select count(*) from review_document d join enlistment e on e.id = d.enlistment_id "
                + "where e.reference = ?").param(ref).query(Long.class).single();
    }

    @Test
    void anOfficerAsksTheVolunteerAnswersWithADocument() {
        Http http = new Http(port);
        Map<String, Object> body = Applications.valid("Sven", "Larsen", "GB");
        @SuppressWarnings("unchecked")
        String passport = (String) ((Map<String, Object>) body.get("passport")).get("number");
        String ref = http.postJson("/api/v1/enlistments", Http.json(body)).json().get("reference").stringValue();
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/transitions", "{\"transition\":\"START_REVIEW\"}",
                "embassy-gb", PW).status()).isEqualTo(200);
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/transitions",
                "{\"transition\":\"REQUEST_INFORMATION\",\"reason\":\"Please upload your service record (DD-214).\"}",
                "embassy-gb", PW).status()).isEqualTo(200);

        ConsoleSession volunteer = ConsoleSession.anonymous(port);
        var form = volunteer.get("/status");
        var codePage = volunteer.postAndFollow("/status", form, Map.of("reference", ref, "passportNumber", passport,
                "dobDay", "11", "dobMonth", "3", "dobYear", "1982"));
        volunteer.postWithToken("/status/code", codePage, Map.of("code", Outbox.codeFor(mail.outbox(), ref)));
        var mine = volunteer.get("/status/case");
        assertThat(mine.body()).contains("Please upload your service record (DD-214).").contains("id=\"send-answer\"");

        // refused uploads change nothing
        var text = volunteer.postMultipart("/status/answer", mine, Map.of("answer", "here", "kind", "SERVICE_RECORD"),
                "file", "record.pdf", "application/pdf", "just text, not a PDF".getBytes());
        // the page says why from the bundles (the capital letter: no longer the exception's message)
        assertThat(volunteer.get("/status/case").body()).contains("Only PDF, PNG and JPEG files are accepted.")
                .contains(">here</textarea>"); // what was typed is kept
        byte[] big = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);
        volunteer.postMultipart("/status/answer", mine, Map.of("answer", "here"), "file", "big.pdf", "application/pdf", big);
        assertThat(volunteer.get("/status/case").body()).contains("The file is larger than 5 MB.")
                .contains(">here</textarea>");
        // far over the limit, and over the container's multipart limit (26 MB; it once answered 413 and lost the
        // answer): the platform reads the form itself (ADR 0155), told the limit, the answer kept
        var huge = volunteer.postMultipart("/status/answer", mine, Map.of("answer", "still here"), "file", "huge.pdf",
                "application/pdf", Arrays.copyOf(PDF, 30 * 1024 * 1024));
        assertThat(huge.status()).isEqualTo(302);
        assertThat(volunteer.get("/status/case").body()).contains("The file is larger than 5 MB.")
                .contains(">still here</textarea>");
        // fields longer than any form of the portal has are refused as a bad request, nothing kept
        assertThat(volunteer.postMultipart("/status/answer", mine, Map.of("answer", "y".repeat(300 * 1024)), "file",
                "", "", null).status()).isEqualTo(400);
        // a stale CSRF token (a session that timed out while the volunteer wrote) is refused as such, not as a
        // body too large, whatever the file's size
        ConsoleSession.Page stale = new ConsoleSession.Page(200, "<input type=\"hidden\" name=\"_csrf\" value=\"stale\"/>", null);
        assertThat(volunteer.postMultipart("/status/answer", stale, Map.of("answer", "lost"), "file", "huge.pdf",
                "application/pdf", Arrays.copyOf(PDF, 30 * 1024 * 1024)).status()).isEqualTo(403);
        // a body with no part is an empty form (no CSRF token: refused), one cut off before its end a bad request
        assertThat(volunteer.postRaw("/status/answer", "multipart/form-data; boundary=xyz",
                "no boundary anywhere".getBytes()).status()).isEqualTo(403);
        assertThat(volunteer.postRaw("/status/answer", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"answer\"\r\n\r\ncut off".getBytes()).status())
                .isEqualTo(400);
        volunteer.postMultipart("/status/answer", mine, Map.of("answer", "here"), "file", "scan.pdf", "application/pdf", PNG);
        assertThat(volunteer.get("/status/case").body())
                .contains("The file is not what it says it is: it was sent as application/pdf, but its content is image/png.");
        volunteer.postMultipart("/status/answer", mine, Map.of("answer", "x".repeat(4001)), "file", "", "", null);
        assertThat(volunteer.get("/status/case").body()).contains("it can have at most 4,000 characters");
        assertThat(text.status()).isEqualTo(302);

        // and in the volunteer's language, with the limits filled in
        var inUkrainian = volunteer.get("/status/case?lang=uk");
        volunteer.postMultipart("/status/answer", inUkrainian, Map.of("answer", "ось"), "file", "big.pdf",
                "application/pdf", big);
        assertThat(volunteer.get("/status/case").body()).contains("Файл більший за 5 МБ.").doesNotContain("larger than");
        volunteer.postMultipart("/status/answer", inUkrainian, Map.of("answer", "ось", "kind", "SERVICE_RECORD"),
                "file", "record.pdf", "application/pdf", "just text, not a PDF".getBytes());
        assertThat(volunteer.get("/status/case").body()).contains("Приймаються лише файли PDF, PNG і JPEG.")
                .doesNotContain("Only PDF");
        volunteer.postMultipart("/status/answer", inUkrainian, Map.of("answer", " "), "file", "", "", null);
        assertThat(volunteer.get("/status/case").body()).contains("Напишіть відповідь або оберіть документ");
        var inPolish = volunteer.get("/status/case?lang=pl");
        assertThat(inPolish.body()).doesNotContain("??").contains("Ambasada potrzebuje dodatkowych informacji");
        volunteer.postMultipart("/status/answer", inPolish, Map.of("answer", "x".repeat(4001)), "file", "", "", null);
        // 4000 with the Polish grouping (a no-break space)
        assertThat(volunteer.get("/status/case").body())
                .containsPattern("Twoja odpowiedź jest za długa \\(limit znaków: 4\\D?000\\)\\.").doesNotContain("at most");
        volunteer.postMultipart("/status/answer", inPolish, Map.of("answer", "tutaj"), "file", "big.pdf",
                "application/pdf", big);
        assertThat(volunteer.get("/status/case").body()).contains("Plik jest większy niż 5 MB.");
        mine = volunteer.get("/status/case?lang=en");
        assertThat(documents(ref)).isZero();
        assertThat(stage(ref)).isEqualTo("INFO_REQUESTED");

        var sent = volunteer.postMultipart("/status/answer", mine, Map.of("answer", "Here is my DD-214. Серж.",
                "kind", "SERVICE_RECORD"), "file", "dd214.pdf", "application/pdf", PDF);
        assertThat(sent.status()).isEqualTo(302);
        assertThat(volunteer.get("/status/case").body()).contains("was sent to the embassy");
        assertThat(stage(ref)).isEqualTo("IN_REVIEW");
        assertThat(documents(ref)).isEqualTo(1);
        // stored encrypted, not as the file
        byte[] raw = jdbc.sql("select content from review_document d join enlistment e on e.id = d.enlistment_id "
                + "where e.reference = ?").param(ref).query(byte[].class).single();
        assertThat(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

        ConsoleSession officer = ConsoleSession.login(port, "embassy-gb", PW);
        var casePage = officer.get("/console/cases/" + ref);
        assertThat(casePage.body()).contains("Here is my DD-214. Серж.").contains("Service record");
        long docId = jdbc.sql("select d.id from review_document d join enlistment e on e.id = d.enlistment_id "
                + "where e.reference = ?").param(ref).query(Long.class).single();
        assertThat(officer.download("/console/cases/" + ref + "/documents/" + docId)).isEqualTo(PDF);
        assertThat(ConsoleSession.login(port, "embassy-us", PW).download("/console/cases/" + ref + "/documents/" + docId))
                .isNull();
        assertThat(ConsoleSession.anonymous(port).get("/console/cases/" + ref + "/documents/" + docId).status()).isEqualTo(302);
    }

    @Test
    void interviewsAreScheduledWithATimeZoneAndRecorded() {
        Http http = new Http(port);
        Map<String, Object> application = Applications.valid("Olga", "Berg", "GB");
        @SuppressWarnings("unchecked")
        String passport = (String) ((Map<String, Object>) application.get("passport")).get("number");
        String ref = http.postJson("/api/v1/enlistments", Http.json(application)).json().get("reference").stringValue();
        http.postJsonAs("/api/v1/enlistments/" + ref + "/transitions", "{\"transition\":\"START_REVIEW\"}", "embassy-gb", PW);
        ConsoleSession officer = ConsoleSession.login(port, "embassy-gb", PW);
        // a day two weeks ahead, whatever day the test runs
        java.time.LocalDate interviewDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14);
        var page = officer.get("/console/cases/" + ref);
        var invited = officer.postWithToken("/console/cases/" + ref + "/actions", page, Map.of("transition",
                "INVITE_TO_INTERVIEW", "interviewMode", "IN_PERSON", "interviewDate", interviewDay.toString(),
                "interviewTime", "14:30", "interviewZone", "Europe/London", "reason", "at the embassy"));
        assertThat(invited.status()).isEqualTo(302);
        assertThat(stage(ref)).isEqualTo("INTERVIEW");
        var withInterview = officer.get("/console/cases/" + ref);
        assertThat(withInterview.body()).contains(interviewDay + " 14:30 Europe/London").contains("In person");
        // the volunteer sees the date, the time with its zone and the mode on their case page (issue 13's walk)
        ConsoleSession volunteer = ConsoleSession.anonymous(port);
        var codePage = volunteer.postAndFollow("/status", volunteer.get("/status"), Map.of("reference", ref,
                "passportNumber", passport, "dobDay", "11", "dobMonth", "3", "dobYear", "1982"));
        volunteer.postWithToken("/status/code", codePage, Map.of("code", Outbox.codeFor(mail.outbox(), ref)));
        String theirs = volunteer.get("/status/case").body();
        String when = theirs.substring(theirs.indexOf("id=\"interview-when\""));
        when = when.substring(0, when.indexOf("</p>"));
        assertThat(when).contains("Europe/London", "in person at the embassy", "14:30",
                interviewDay.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH),
                Integer.toString(interviewDay.getYear()));
        officer.postWithToken("/console/cases/" + ref + "/interview", withInterview,
                Map.of("outcome", "PASSED", "notes", "Fluent English; six years in the infantry."));
        assertThat(officer.get("/console/cases/" + ref).body()).contains(">Passed<").contains("six years in the infantry");
        var badZone = officer.get("/console/cases/" + ref);
        var refused = officer.postWithToken("/console/cases/" + ref + "/interview", badZone, Map.of("outcome", "MAYBE"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(officer.get("/console/cases/" + ref).body()).contains("could not be recorded");
    }
}
