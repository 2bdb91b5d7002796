package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import legion.support.Applications;
import legion.support.Cases;
import legion.support.ConsoleSession;
import legion.support.Eventually;
import legion.support.Http;
import legion.support.KeepsListVersions;
import legion.support.LegionIntegrationTest;

/**
 * Screening fails closed. The node starts with its UN list missing (an error administrators see, on the console, the
 * API and in the log); then the list appears as a named pipe, so the test holds the loader in the middle of reading
 * it; a case screened meanwhile waits (PENDING, APPROVE held with SCREENING_PENDING) and never passes; once the list
 * has loaded it is screened and approved; a later reload that cannot be read is reported and keeps the version loaded.
 */
@LegionIntegrationTest
@ExtendWith(KeepsListVersions.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"legion.screening.lists=un=target/fails-closed/un.xml",
        "legion.screening.reload-interval-ms=200"})
class ScreeningFailsClosedTest {

    static final Path LIST = Path.of("target/fails-closed/un.xml");
    static final String PW = Cases.PW;

    @LocalServerPort
    int port;
    @Autowired
    ScreeningLists lists;

    String listState() {
        var s = lists.statuses().get(0);
        return (s.loaded() ? "loaded " + s.version() : "not loaded") + (s.failing() ? ", failing" : "");
    }

    @Test
    void aCaseWaitsWhileTheListsLoadAndNeverPassesWithoutThem(CapturedOutput output) throws Exception {
        Http http = new Http(port);
        // missing at start: failing, nothing loaded, visible to administrators
        assertThat(Eventually.equalTo("not loaded, failing", Duration.ofSeconds(20), this::listState))
                .isEqualTo("not loaded, failing");
        String admin = ConsoleSession.login(port, "admin", PW).get("/console/admin/screening").body();
        assertThat(admin).contains("id=\"lists-failing\"").contains("UN list file not found");
        var api = http.get("/api/v1/screening/lists", "admin", PW).json().get(0);
        assertThat(api.get("loaded").asBoolean()).isFalse();
        assertThat(api.get("error").stringValue()).contains("not found");
        assertThat(output.getOut()).contains("screening: list 'un' could not be read (WatchlistFormatException)");

        Map<String, Object> body = Applications.valid("Hedda", "Falkenrath", "GB");
        body.put("email", "hedda.falkenrath@example.net");
        String ref = http.postJson("/api/v1/enlistments", Http.json(body)).json().get("reference").stringValue();
        Cases.toVetting(http, ref, "embassy-gb");
        assertPending(http, ref);

        // the list appears; the loader opens it and reads half of it: it is loading now
        Files.createDirectories(LIST.getParent());
        Files.deleteIfExists(LIST);
        Process mkfifo = new ProcessBuilder("mkfifo", LIST.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        byte[] xml = Files.readAllBytes(Path.of("src/test/resources/screening/un-extract.xml"));
        try (OutputStream pipe = Files.newOutputStream(LIST)) { // returns once the loader has opened the pipe
            pipe.write(xml, 0, xml.length / 2);
            pipe.flush();
            assertThat(listState()).startsWith("not loaded");
            assertPending(http, ref);
            pipe.write(xml, xml.length / 2, xml.length - xml.length / 2);
        }
        assertThat(Eventually.equalTo("SCREENED", Duration.ofSeconds(30),
                () -> Cases.screening(http, ref).get("status").stringValue())).isEqualTo("SCREENED");
        assertThat(Cases.screening(http, ref).get("listVersions").get("un").stringValue())
                .isEqualTo("2026-02-27T00:00:09.554Z");
        var approved = Cases.act(http, ref, "vetting1", "{\"transition\":\"APPROVE\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        // a reload that cannot be read: reported, and the version loaded before stays (never an empty list)
        try (OutputStream pipe = Files.newOutputStream(LIST)) {
            pipe.write("<not-a-list/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Eventually.equalTo("loaded 2026-02-27T00:00:09.554Z, failing", Duration.ofSeconds(20),
                this::listState)).isEqualTo("loaded 2026-02-27T00:00:09.554Z, failing");
        assertThat(ConsoleSession.login(port, "admin", PW).get("/console/admin/screening").body())
                .contains("id=\"lists-failing\"").contains("not a UN consolidated list")
                .contains("2026-02-27T00:00:09.554Z");
        Files.deleteIfExists(LIST); // later reloads fail on the missing file instead of waiting on the pipe
        assertThat(output.getOut()).doesNotContain("Falkenrath").doesNotContain("Hedda");
    }

    void assertPending(Http http, String ref) {
        assertThat(Cases.screening(http, ref).get("status").stringValue()).isEqualTo("PENDING");
        var held = Cases.act(http, ref, "vetting1", "{\"transition\":\"APPROVE\"}");
        assertThat(held.status()).as(held.body()).isEqualTo(409);
        assertThat(held.json().get("hold").stringValue()).isEqualTo("SCREENING_PENDING");
        assertThat(held.json().get("refusal").stringValue()).isEqualTo("HELD_BY_SCREENING");
    }
}
