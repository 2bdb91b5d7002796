package legion.parole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.access.Officers;
import legion.parole.api.ParoleJourney;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Program 3's flow for analysts (ADR 0160), seeded through the officers' REST API in a facility of its own and read
 * back as an analyst reads it, in the figures' CSV (parsed as CSV: quoted fields) and on the page: the cases filed,
 * the funnel, the hours from the release to the hand-over (p50/p90 computed here from the rulings' effect and the
 * hand-overs' times) against the 24 hours, how cases ended; small cells as "&lt;5".
 */
@LegionIntegrationTest
class ParoleFlowFiguresTest {

    static final String PW = "parole-flow-password";

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;

    @Test
    void theFlowOfAFacilityShowsWhatItsOfficersDid() throws Exception {
        ParoleJourney j = new ParoleJourney(new Http(port), officers, "pflow", PW);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // seven released by a court whose ruling took effect 1 to 30 hours ago, each handed over at once
        List<Double> hours = new ArrayList<>();
        List<String> released = new ArrayList<>();
        for (int h : new int[] {16, 1, 30, 4, 2, 11, 7}) {
            String ref = j.to("PETITIONED");
            Instant effect = now.minus(h, ChronoUnit.HOURS);
            assertThat(j.act(ref, "clerk", Map.of("transition", "RELEASE", "ruling",
                    Map.of("caseNumber", "757/31/25", "effectiveAt", effect.toString()))).status()).isEqualTo(200);
            Http.Response handed = j.act(ref, "escort", Map.of("transition", "HAND_OVER"));
            assertThat(handed.status()).isEqualTo(200);
            Instant at = Instant.parse(handed.json().get("handedOverAt").stringValue());
            hours.add(Duration.between(effect, at).toNanos() / 3.6e12);
            released.add(ref);
        }
        // two of them sign the contract: "<5" in service
        for (String ref : released.subList(0, 2)) {
            assertThat(j.act(ref, "tcc", Map.of("transition", "SIGN_CONTRACT", "unit", j.unit, "position", "sapper"))
                    .status()).isEqualTo(200);
        }
        // five withdraw their consent before screening, one is declined by the commander
        for (int i = 0; i < 5; i++) {
            String ref = j.file("Flow Withdrawn " + i, LocalDate.now().plusYears(1));
            assertThat(j.act(ref, "prison", Map.of("transition", "WITHDRAW", "witness", "Inspector Melnyk",
                    "reason", "changed his mind")).status()).isEqualTo(200);
        }
        String declined = j.to("EXAMINED");
        assertThat(j.act(declined, "commander", Map.of("transition", "DECLINE", "reason", "no post")).status())
                .isEqualTo(200);

        ConsoleSession analyst = ConsoleSession.login(port, j.name("analyst"), PW);
        String only = "?facility=" + j.facility;

        // filed: 7 + 5 + 1, all in the last days (summed over the days: a run across midnight UTC still adds up)
        List<CSVRecord> perDay = csv(analyst, "per-day" + ".csv" + only);
        assertThat(perDay.get(0).values()).containsExactly("Day (UTC)", j.facility);
        assertThat(perDay.subList(1, perDay.size()).stream().mapToLong(r -> number(r.get(1))).sum()).isEqualTo(13);
        assertThat(perDay).hasSize(1 + 14);

        Map<String, String> funnel = column(csv(analyst, "funnel.csv" + only));
        assertThat(funnel).containsExactly(Map.entry("Stage", "Cases"), Map.entry("Applied", "13"),
                Map.entry("Screened", "8"), Map.entry("Examined", "8"), Map.entry("Accepted by a commander", "7"),
                Map.entry("Petition before the court", "7"), Map.entry("Released", "7"),
                Map.entry("Handed over", "7"), Map.entry("In service", "<5"), Map.entry("Discharged", "0"));

        Map<String, String> ends = column(csv(analyst, "ends.csv" + only));
        assertThat(ends).containsEntry("Withdrawn", "5").containsEntry("Declined by the commander", "<5")
                .containsEntry("Refused by the court", "0").containsEntry("Not eligible", "0");

        // the hours by nearest rank of the seven: p50 the 4th, p90 the 7th (ceil(0.9 * 7))
        hours.sort(null);
        List<CSVRecord> handOver = csv(analyst, "hand-over.csv" + only);
        assertThat(handOver.get(0).values()).containsExactly("Facility", "Median (p50), hours",
                "9 in 10 within (p90), hours");
        assertThat(handOver).hasSize(2);
        assertThat(handOver.get(1).get(0)).isEqualTo(j.facility);
        assertThat(Double.parseDouble(handOver.get(1).get(1))).isCloseTo(hours.get(3), within(0.051));
        assertThat(Double.parseDouble(handOver.get(1).get(2))).isCloseTo(hours.get(6), within(0.051));
        // the header's quoted fields, as written
        assertThat(analyst.get("/console/parole/reports/hand-over.csv" + only).body())
                .startsWith("Facility,\"Median (p50), hours\",\"9 in 10 within (p90), hours\"\r\n");

        // the page: every figure a chart with its table and its CSV, the facility kept on the links
        ConsoleSession.Page page = analyst.get("/console/parole/reports" + only);
        assertThat(page.status()).isEqualTo(200);
        for (String id : List.of("per-day", "funnel", "hand-over", "ends", "by-facility-and-month")) {
            assertThat(page.body()).contains("id=\"figure-" + id + "\"",
                    "src=\"/console/parole/reports/" + id + ".svg?facility=" + j.facility + "\"",
                    "href=\"/console/parole/reports/" + id + ".csv?facility=" + j.facility + "\"");
        }
        assertThat(page.body().split("class=\"figure-table\"", -1)).hasSize(6);
        assertThat(page.body()).contains("Hand-over within 24 hours").doesNotContain("Flow Withdrawn")
                .doesNotContain(released.get(0));
        ConsoleSession.Page svg = analyst.get("/console/parole/reports/hand-over.svg" + only);
        assertThat(svg.body()).startsWith("<svg").contains("class=\"reference\"").doesNotContain("<script");
        // all facilities: this one is a row of the hand-over figure among the others
        assertThat(column(csv(analyst, "hand-over.csv"))).containsKey(j.facility);
        // a facility that is no code is refused; the figures stay closed to other roles
        assertThat(analyst.get("/console/parole/reports/funnel.csv?facility=a%20b").status()).isEqualTo(400);
        assertThat(ConsoleSession.login(port, j.name("prison"), PW).get("/console/parole/reports/funnel.csv")
                .status()).isEqualTo(403);
    }

    private static List<CSVRecord> csv(ConsoleSession analyst, String path) throws Exception {
        ConsoleSession.Page answer = analyst.get("/console/parole/reports/" + path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return CSVFormat.RFC4180.parse(new StringReader(answer.body())).getRecords();
    }

    /** The first two columns of a one-series figure, header included, in order. */
    private static Map<String, String> column(List<CSVRecord> records) {
        Map<String, String> result = new LinkedHashMap<>();
        records.forEach(r -> result.put(r.get(0), r.get(1)));
        return result;
    }

    private static long number(String shown) {
        return shown.startsWith("<") ? 0 : Long.parseLong(shown);
    }
}
