package legion.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.support.Applications;
import legion.support.Cases;
import legion.support.ConsoleSession;
import legion.support.Eventually;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Analysts' charts over HTTP: what officers did shows in the funnel and the rejections by reason (after the read
 * model's asynchronous update), the page draws every figure as SVG with its table, the CSV has the same numbers.
 */
@LegionIntegrationTest
class FlowChartsTest {

    @LocalServerPort
    int port;

    @Test
    void rejectionsAndTheFunnelFollowWhatOfficersDid() throws Exception {
        Http http = new Http(port);
        ConsoleSession analyst = ConsoleSession.login(port, "analyst1", Cases.PW);
        long medicalBefore = number(analyst, "rejections", "Medical");
        long submittedBefore = number(analyst, "funnel", "Submitted");
        long reviewBefore = number(analyst, "funnel", "In review");

        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            refs.add(http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Mia", "Tester", "GB")))
                    .json().get("reference").stringValue());
        }
        for (String ref : refs) {
            assertThat(Cases.act(http, ref, "embassy-gb", "{\"transition\":\"START_REVIEW\"}").status()).isEqualTo(200);
            assertThat(Cases.act(http, ref, "embassy-gb",
                    "{\"transition\":\"REJECT\",\"reasonCode\":\"MEDICAL\",\"reason\":\"unfit\"}").status()).isEqualTo(200);
        }
        // the read model follows after commit; a count shown as "<5" before is read as 0, hence "at least"
        assertThat(Eventually.equalTo(true, Duration.ofSeconds(30),
                () -> number(analyst, "rejections", "Medical") >= medicalBefore + 6)).isTrue();
        assertThat(number(analyst, "funnel", "Submitted")).isGreaterThanOrEqualTo(submittedBefore + 6);
        assertThat(number(analyst, "funnel", "In review")).isGreaterThanOrEqualTo(reviewBefore + 6);

        var page = analyst.get("/console/reports");
        assertThat(page.status()).isEqualTo(200);
        for (String id : List.of("per-day", "funnel", "time-in-stage", "rejections")) {
            assertThat(page.body()).contains("id=\"figure-" + id + "\"").contains("href=\"/console/reports/" + id + ".csv\"");
        }
        assertThat(page.body().split("<img class=\"chart\"", -1)).hasSize(5);
        assertThat(analyst.get("/console/reports/funnel.svg").body()).startsWith("<svg ").contains("<title");
        assertThat(page.body().split("class=\"figure-table\"", -1)).hasSize(5);
        // today's row is in the per-day CSV; the time-in-stage figure has the service level
        assertThat(analyst.get("/console/reports/per-day.csv").body())
                .contains(LocalDate.now(ZoneOffset.UTC).toString() + ",");
        assertThat(page.body()).contains("Service level: 48 hours");
        assertThat(analyst.get("/console/reports/nothing.csv").status()).isEqualTo(404);
        // officers of an embassy do not see the reports
        assertThat(ConsoleSession.login(port, "embassy-gb", Cases.PW).get("/console/reports/funnel.csv").status())
                .isEqualTo(403);
    }

    /** A row's number in a figure's CSV ("<5" read as 0: it is not a number anyone may see). */
    private static long number(ConsoleSession analyst, String figure, String row) {
        var csv = analyst.get("/console/reports/" + figure + ".csv");
        assertThat(csv.status()).isEqualTo(200);
        for (String line : csv.body().split("\r\n")) {
            if (line.startsWith(row + ",")) {
                String v = line.substring(row.length() + 1);
                return v.startsWith("<") ? 0 : Long.parseLong(v);
            }
        }
        throw new AssertionError("no row " + row + " in " + csv.body());
    }
}
