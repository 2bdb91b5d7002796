package legion.parole;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import legion.support.CrashRun;
import legion.support.Http;
import legion.support.LegionProcess;
import legion.support.TestDatabase;

/**
 * Nothing service for release acknowledged is lost: the real application in its own JVM takes cases filed by the
 * demo prison officer and taken along the court's way by the demo officers of each stage, from 8 concurrent clients
 * over REST, is killed with SIGKILL in the middle of it and restarted on the same database. Every case filed (201)
 * must then be there at the stage of its last acknowledged transition (200), or the one after it when that one was
 * asked for and never answered; its history holds each of those transitions, in order, each leaving from the stage
 * the one before reached, and its version is at least the one acknowledged. On the embedded H2 default (its own
 * settings) and on PostgreSQL, as {@code CrashDurabilityTest} does for the Legion's intake.
 */
@Tag("integration")
class ParoleCrashDurabilityTest {

    private static final String PW = TestDatabase.DEMO_PASSWORD;
    /** The demo commander's and supervisor's military unit. */
    private static final String UNIT = "A4321";
    /** The court's way from the application to the contract: the stage reached, who takes the edge, the edge. */
    private static final String[][] STEPS = {
            {"SCREENED", "prison-1", "SCREEN"}, {"EXAMINED", "medical-1", "FIND_FIT"},
            {"ACCEPTED", "commander-1", "ACCEPT"}, {"PETITIONED", "prison-1", "PETITION"},
            {"RELEASED", "clerk-1", "RELEASE"}, {"HANDED_OVER", "escort-1", "HAND_OVER"},
            {"IN_SERVICE", "tcc-1", "SIGN_CONTRACT"}};
    private static final List<String> WAY = way();

    /** A case as an officer was answered: its stage and version. */
    record Acknowledged(String reference, String stage, long version) {
    }

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryAcknowledgedFilingAndTransitionAcrossAKill() throws Exception {
        try (CrashRun<Acknowledged> run = CrashRun.killMidLoad(this::start, 8, 300,
                ParoleCrashDurabilityTest::fileAndTakeAlong)) {
            Map<String, Acknowledged> last = new LinkedHashMap<>();
            run.acknowledged().forEach(a -> last.put(a.reference(), a)); // each case's answers come in order
            assertThat(last.values()).extracting(Acknowledged::stage).contains("APPLIED", "IN_SERVICE");

            Http http = run.restarted().http();
            List<String> problems = new ArrayList<>();
            for (Acknowledged a : last.values()) {
                check(http, a, problems);
            }
            assertThat(problems).as("acknowledged but lost after SIGKILL (%d cases, %d acknowledged)", last.size(),
                    run.acknowledged().size()).isEmpty();
        }
    }

    /** One client's round: a case filed and taken along the court's way, as far as a random stage. */
    private static void fileAndTakeAlong(Http http, Consumer<Acknowledged> acknowledged) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("fullName", "Crash Z" + letters(random, 9));
        filing.put("dateOfBirth", "1990-01-02");
        filing.put("prisonerNumber", "CR-" + (10000 + random.nextInt(90000)));
        filing.put("offences", "185:2");
        filing.put("sentenceEnd", LocalDate.now().plusYears(1).toString());
        filing.put("consent", Map.of("witness", "Inspector Hnatiuk"));
        JsonNode filed = http.postJsonAs("/api/v1/parole/cases", Http.json(filing), "prison-1", PW).expect(201).json();
        String reference = filed.get("reference").stringValue();
        acknowledged.accept(answered(filed));
        int until = random.nextInt(STEPS.length + 1);
        for (int i = 0; i < until; i++) {
            JsonNode moved = take(http, reference, STEPS[i]).expect(200).json();
            if (!moved.get("status").stringValue().equals(STEPS[i][0])) {
                throw new IllegalStateException(STEPS[i][2] + " reached " + moved.get("status"));
            }
            acknowledged.accept(answered(moved));
        }
    }

    /** Takes the step as the officer of its stage. */
    private static Http.Response take(Http http, String reference, String[] step) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transition", step[2]);
        body.put("reason", "crash test");
        switch (step[2]) {
            case "ACCEPT" -> body.put("unit", UNIT);
            case "RELEASE" -> body.put("ruling", Map.of("court", "Crash district court", "caseNumber", "761/1/25",
                    "effectiveAt", Instant.now().minusSeconds(60).toString()));
            case "SIGN_CONTRACT" -> {
                body.put("unit", UNIT);
                body.put("position", "rifleman");
            }
            default -> { }
        }
        return http.postJsonAs("/api/v1/parole/cases/" + reference + "/transitions", Http.json(body), step[1], PW);
    }

    /**
     * The case is at the acknowledged stage or the next (asked for, never answered), its history the way there,
     * each entry leaving from the stage the one before reached, and its version at least the acknowledged one.
     */
    private static void check(Http http, Acknowledged a, List<String> problems) {
        Http.Response r = http.get("/api/v1/parole/cases/" + a.reference(), "prison-1", PW);
        if (r.status() != 200) {
            problems.add(a.reference() + " (" + a.stage() + "): answered " + r.status());
            return;
        }
        JsonNode c = r.json();
        String stage = c.get("status").stringValue();
        int acked = WAY.indexOf(a.stage());
        int now = WAY.indexOf(stage);
        if (now != acked && now != acked + 1) {
            problems.add(a.reference() + ": acknowledged " + a.stage() + ", now " + stage);
            return;
        }
        List<String> history = new ArrayList<>();
        String from = null;
        for (JsonNode h : c.get("history")) {
            String to = h.get("to").asText();
            JsonNode left = h.get("from");
            if (!java.util.Objects.equals(from, left == null || left.isNull() ? null : left.asText())) {
                problems.add(a.reference() + ": history broken at " + history + " then from " + left);
            }
            history.add(to);
            from = to;
        }
        if (!history.equals(WAY.subList(0, now + 1))) {
            problems.add(a.reference() + ": at " + stage + " with history " + history);
        }
        if (c.get("version").longValue() < a.version()) {
            problems.add(a.reference() + ": version " + c.get("version") + " below the acknowledged " + a.version());
        }
    }

    private static Acknowledged answered(JsonNode c) {
        return new Acknowledged(c.get("reference").stringValue(), c.get("status").stringValue(),
                c.get("version").longValue());
    }

    private static String letters(ThreadLocalRandom random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static List<String> way() {
        List<String> way = new ArrayList<>(List.of("APPLIED"));
        for (String[] step : STEPS) {
            way.add(step[0]);
        }
        return List.copyOf(way);
    }

    /** On the embedded H2 default in the data directory (its own settings, not the test's) or on PostgreSQL. */
    private LegionProcess start(int port) throws Exception {
        return LegionProcess.start(dataDir, port, "512m", LegionProcess.demoOfficers());
    }
}
