package legion.arms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import legion.support.CrashRun;
import legion.support.Http;
import legion.support.LegionProcess;
import legion.support.TestDatabase;

/**
 * Nothing the arms register acknowledged is lost: the real application in its own JVM takes weapons into stock,
 * issues them and takes some back from 8 concurrent desks (demo issuing officers over REST), is killed with SIGKILL
 * in the middle of it and restarted on the same database. Every weapon stocked (201), issued (201) or returned (200)
 * must then be traced, by make and serial as a police investigator for a case, with each acknowledged custody entry
 * in its history — in order, each entry's status the weapon's next, the holder of the issue known — and at most the
 * one step a desk asked for and never heard back about after them. And the register still refuses what its
 * constraints forbid: no weapon stocked twice, none issued again while issued. On the embedded H2 default (its own
 * settings) and on PostgreSQL, as {@code CrashDurabilityTest} does for the Legion's intake.
 */
@Tag("integration")
class ArmsCrashDurabilityTest {

    private static final String PW = TestDatabase.DEMO_PASSWORD;
    private static final List<String> DESKS = List.of("armory-kyiv", "armory-kyiv-2", "armory-kyiv-tdf",
            "armory-kharkiv", "armory-odesa", "armory-lviv");
    private static final String MAKE = "АКМ";
    /** The status each custody event leaves the weapon in. */
    private static final Map<String, String> STATUS_AFTER = Map.of("RECEIVED", "IN_STOCK", "ISSUED", "ISSUED",
            "RETURNED", "IN_STOCK");

    /** What a desk was answered with success for a weapon, as its custody entry reads in the trace. */
    sealed interface Acknowledged {
        String serial();

        String entry();
    }

    record Stocked(String serial) implements Acknowledged {
        public String entry() {
            return "RECEIVED";
        }
    }

    record Issued(String serial, String number, String document) implements Acknowledged {
        public String entry() {
            return "ISSUED " + number;
        }
    }

    record Returned(String serial, String number) implements Acknowledged {
        public String entry() {
            return "RETURNED " + number;
        }
    }

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryAcknowledgedStockIssueAndReturnAcrossAKill() throws Exception {
        try (CrashRun<Acknowledged> run = CrashRun.killMidLoad(this::start, 8, 300,
                ArmsCrashDurabilityTest::stockIssueAndMaybeReturn)) {
            assertThat(run.acknowledged()).anyMatch(Returned.class::isInstance);
            Map<String, List<Acknowledged>> byWeapon = new LinkedHashMap<>();
            run.acknowledged().forEach(a -> byWeapon.computeIfAbsent(a.serial(), s -> new ArrayList<>()).add(a));

            Http http = run.restarted().http();
            List<String> problems = new ArrayList<>();
            Set<String> issueNumbers = new HashSet<>();
            for (Map.Entry<String, List<Acknowledged>> w : byWeapon.entrySet()) {
                String status = checkTrace(http, w.getKey(), w.getValue(), issueNumbers, problems);
                checkConstraints(http, w.getKey(), status, problems);
            }
            assertThat(problems).as("acknowledged but lost or broken after SIGKILL (%d weapons, %d acknowledged)",
                    byWeapon.size(), run.acknowledged().size()).isEmpty();
        }
    }

    /** One desk's round: a new weapon into stock, issued to a new holder, and every other time brought back. */
    private static void stockIssueAndMaybeReturn(Http http, Consumer<Acknowledged> acknowledged) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String desk = DESKS.get(random.nextInt(DESKS.size()));
        String serial = "CR " + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        http.postJsonAs("/api/v1/arms/weapons", stock(serial), desk, PW).expect(201);
        acknowledged.accept(new Stocked(serial));

        String document = "CR" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        String number = http.postJsonAs("/api/v1/arms/issues", issue(serial, document), desk, PW).expect(201).json()
                .get("issueNumber").asText();
        acknowledged.accept(new Issued(serial, number, document));

        if (random.nextBoolean()) {
            String back = DESKS.get(random.nextInt(DESKS.size())); // any point takes a weapon back
            Http.Response returned = http.postJsonAs("/api/v1/arms/returns",
                    "{\"make\":\"" + MAKE + "\",\"serial\":\"" + serial + "\",\"rounds\":60}", back, PW).expect(200);
            if (!returned.json().get("issueNumber").asText().equals(number)) {
                throw new IllegalStateException("the return closed " + returned.body() + ", not " + number);
            }
            acknowledged.accept(new Returned(serial, number));
        }
    }

    /**
     * The weapon's trace holds every acknowledged entry in order and then at most the step asked for unanswered;
     * the chain is whole (ascending entries, each leaving the weapon in its event's status, the weapon in the last
     * one's) and the holder of an acknowledged issue is among its holders. Issue numbers are unique. Returns the
     * weapon's status, or null when it cannot be traced.
     */
    private static String checkTrace(Http http, String serial, List<Acknowledged> acked, Set<String> issueNumbers,
                                   List<String> problems) {
        Http.Response r = http.get("/api/v1/arms/trace?make=" + q(MAKE) + "&serial=" + q(serial)
                + "&caseNumber=CRASH-1", "police1", PW);
        if (r.status() != 200) {
            problems.add(serial + ": trace answered " + r.status());
            return null;
        }
        JsonNode trace = r.json();
        List<String> expected = acked.stream().map(Acknowledged::entry).toList();
        List<String> history = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        String statusAfter = null;
        for (JsonNode e : trace.get("history")) {
            String event = e.get("event").asText();
            JsonNode number = e.get("issueNumber");
            history.add(number == null || number.isNull() ? event : event + " " + number.asText());
            if (e.get("seq").asLong() <= previous) {
                problems.add(serial + ": history out of order " + history);
            }
            previous = e.get("seq").asLong();
            statusAfter = e.get("statusAfter").asText();
            if (!statusAfter.equals(STATUS_AFTER.get(event))) {
                problems.add(serial + ": " + event + " left it " + statusAfter);
            }
            if (event.equals("ISSUED") && !issueNumbers.add(number.asText())) {
                problems.add(serial + ": issue number " + number.asText() + " twice");
            }
        }
        boolean whole = history.equals(expected) || history.size() == expected.size() + 1
                && history.subList(0, expected.size()).equals(expected)
                && askedNext(expected.get(expected.size() - 1), history.get(history.size() - 1));
        if (!whole) {
            problems.add(serial + ": acknowledged " + expected + ", history " + history);
        }
        if (!trace.get("weapon").get("status").asText().equals(statusAfter)) {
            problems.add(serial + ": " + trace.get("weapon").get("status").asText() + " after " + history);
        }
        acked.stream().filter(Issued.class::isInstance).map(Issued.class::cast).findFirst().ifPresent(i -> {
            if (StreamSupport.stream(trace.get("holders").spliterator(), false)
                    .noneMatch(h -> h.get("documentNumber").asText().equals(i.document()))) {
                problems.add(serial + ": the holder of " + i.number() + " is not among its holders");
            }
        });
        return trace.get("weapon").get("status").asText();
    }

    /** What a round asks after an entry: the issue after the stock, the return (of that issue) after the issue. */
    private static boolean askedNext(String last, String extra) {
        return last.equals("RECEIVED") ? extra.startsWith("ISSUED ")
                : last.startsWith("ISSUED ") && extra.equals(last.replace("ISSUED", "RETURNED"));
    }

    /** After the restart the register refuses to stock the weapon again, and to issue it again while issued. */
    private static void checkConstraints(Http http, String serial, String status, List<String> problems) {
        int stocked = http.postJsonAs("/api/v1/arms/weapons", stock(serial), "armory-kyiv", PW).status();
        if (stocked != 409) {
            problems.add(serial + ": stocked again, answered " + stocked);
        }
        if ("ISSUED".equals(status)) {
            int issued = http.postJsonAs("/api/v1/arms/issues", issue(serial, "CR-SECOND-HOLDER"), "armory-kyiv", PW)
                    .status();
            if (issued != 409) {
                problems.add(serial + ": issued while issued, answered " + issued);
            }
        }
    }

    private static String stock(String serial) {
        return "{\"make\":\"" + MAKE + "\",\"model\":\"АКМ\",\"calibre\":\"7.62x39\",\"serial\":\"" + serial + "\"}";
    }

    private static String issue(String serial, String document) {
        return """
                {"make": "%s", "serial": "%s", "rounds": 90, "magazines": 3,
                 "holder": {"surname": "Крашенко", "givenNames": "Тестовий", "patronymic": "Іванович",
                            "dateOfBirth": "1985-03-09", "documentNumber": "%s", "legalStatus": "CITIZEN"}}"""
                .formatted(MAKE, serial, document);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** On the embedded H2 default in the data directory (its own settings, not the test's) or on PostgreSQL. */
    private LegionProcess start(int port) throws Exception {
        // the check traces every weapon at once
        return LegionProcess.start(dataDir, port, "512m",
                LegionProcess.demoOfficersAnd("--legion.arms.trace-per-minute=1000000"));
    }
}
