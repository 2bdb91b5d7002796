package legion.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.TestDatabase;

/**
 * Issue 11 item 5 replayed: officers' free text (reasons of information requests and rejections, interview notes)
 * is absent from a dump of the whole database, and still shown decrypted to officers in scope on the case page and
 * in the API. Rows written in plaintext before are encrypted by the background re-encryption.
 */
@LegionIntegrationTest
class OfficerTextAtRestTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<Reencryptable> stores;

    /** Every value the database holds, as text: H2's SCRIPT, or every row of every table on PostgreSQL. */
    String dump() {
        if (!TestDatabase.postgres()) {
            return String.join("\n", jdbc.sql("script").query(String.class).list());
        }
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list()) {
            jdbc.sql("select t::text from \"" + table + "\" t").query(String.class).list()
                    .forEach(row -> all.append(row).append('\n'));
        }
        return all.toString();
    }

    String path(String ref) {
        return "/api/v1/enlistments/" + ref + "/transitions";
    }

    @Test
    void officersTextIsCiphertextAtRestAndPlainToOfficers() {
        Http http = new Http(port);
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).json()
                .get("reference").stringValue();
        assertThat(http.postJsonAs(path(ref), "{\"transition\":\"START_REVIEW\"}", "embassy-gb", PW).status())
                .isEqualTo(200);
        assertThat(http.postJsonAs(path(ref), Http.json(Map.of("transition", "REQUEST_INFORMATION",
                "reason", "Send the Quoxplatz discharge papers")), "embassy-gb", PW).status()).isEqualTo(200);
        assertThat(http.postJsonAs(path(ref), Http.json(Map.of("transition", "RECEIVE_INFORMATION",
                "reason", "Received from his brother Wibblethorpe")), "embassy-gb", PW).status()).isEqualTo(200);
        ConsoleSession officer = ConsoleSession.login(port, "embassy-gb", PW);
        var page = officer.get("/console/cases/" + ref);
        officer.postWithToken("/console/cases/" + ref + "/actions", page, Map.of("transition", "INVITE_TO_INTERVIEW",
                "interviewMode", "VIDEO", "interviewDate", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString(),
                "interviewTime", "10:00", "interviewZone", "Europe/London", "reason", "Video with Frobnitzky", "version", "3"));
        page = officer.get("/console/cases/" + ref);
        officer.postWithToken("/console/cases/" + ref + "/interview", page,
                Map.of("outcome", "FAILED", "notes", "Admitted Zyxwvut convictions in Ωμέγαville"));
        assertThat(http.postJsonAs(path(ref), Http.json(Map.of("transition", "REJECT", "reasonCode", "CRIMINAL_RECORD",
                "reason", "Undeclared Grumblewick conviction", "expectedVersion", 4)), "embassy-gb", PW).status())
                .isEqualTo(200);

        List<String> secrets = List.of("Quoxplatz", "Wibblethorpe", "Frobnitzky", "Zyxwvut", "Ωμέγαville",
                "Grumblewick");
        String dump = dump();
        assertThat(dump).contains(ref);
        secrets.forEach(s -> assertThat(dump).doesNotContain(s));

        String casePage = officer.get("/console/cases/" + ref).body();
        secrets.forEach(s -> assertThat(casePage).contains(s));
        String api = http.get("/api/v1/enlistments/" + ref, "embassy-gb", PW).body();
        assertThat(api).contains("Send the Quoxplatz discharge papers").contains("Undeclared Grumblewick conviction");
        // out of scope: nothing
        assertThat(http.get("/api/v1/enlistments/" + ref, "embassy-us", PW).status()).isEqualTo(404);
    }

    @Test
    void plaintextWrittenBeforeIsEncryptedInTheBackground() {
        Http http = new Http(port);
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).json()
                .get("reference").stringValue();
        http.postJsonAs(path(ref), "{\"transition\":\"START_REVIEW\"}", "embassy-gb", PW);
        ConsoleSession officer = ConsoleSession.login(port, "embassy-gb", PW);
        var page = officer.get("/console/cases/" + ref);
        officer.postWithToken("/console/cases/" + ref + "/actions", page, Map.of("transition", "INVITE_TO_INTERVIEW",
                "interviewMode", "VIDEO", "interviewDate", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString(),
                "interviewTime", "10:00", "interviewZone", "UTC", "reason", "x", "version", "1"));
        page = officer.get("/console/cases/" + ref);
        officer.postWithToken("/console/cases/" + ref + "/interview", page, Map.of("outcome", "PASSED", "notes", "y"));
        // as written before encryption existed
        jdbc.sql("update enlistment_history set reason = 'Legacy Plonkwhistle reason', crypto_key = null "
                + "where enlistment_id = (select id from enlistment where reference = ?) and seq = 3").param(ref).update();
        jdbc.sql("update review_interview set notes = 'Legacy Snarfblatt notes', crypto_key = null "
                + "where enlistment_id = (select id from enlistment where reference = ?)").param(ref).update();
        assertThat(dump()).contains("Plonkwhistle").contains("Snarfblatt");
        assertThat(officer.get("/console/cases/" + ref).body()).contains("Legacy Plonkwhistle reason")
                .contains("Legacy Snarfblatt notes");

        for (Reencryptable store : stores) {
            while (store.reencrypt(100) > 0) {
                // until every row is under the current key
            }
        }
        assertThat(dump()).doesNotContain("Plonkwhistle").doesNotContain("Snarfblatt");
        assertThat(jdbc.sql("select reason from enlistment_history where enlistment_id = "
                + "(select id from enlistment where reference = ?) and seq = 3").param(ref).query(String.class).single()).startsWith("v1:t1:");
        assertThat(officer.get("/console/cases/" + ref).body()).contains("Legacy Plonkwhistle reason")
                .contains("Legacy Snarfblatt notes");
    }
}
