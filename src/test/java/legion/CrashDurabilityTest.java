package legion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import legion.support.Applications;
import legion.support.CrashRun;
import legion.support.Http;
import legion.support.LegionProcess;

/**
 * Nothing acknowledged is lost: the real application runs in its own JVM, takes applications from 8 concurrent
 * clients, is killed with SIGKILL in the middle of it, restarts, and must know every application it answered
 * 201 to. On the embedded H2 default (its own settings, not the test's) and on PostgreSQL. The arms register's and
 * parole's writes: {@code ArmsCrashDurabilityTest}, {@code ParoleCrashDurabilityTest}.
 */
@Tag("integration")
class CrashDurabilityTest {

    record Acknowledged(String reference, String passport) {
    }

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryAcknowledgedApplicationAcrossAKill() throws Exception {
        try (CrashRun<Acknowledged> run = CrashRun.killMidLoad(this::start, 8, 300, (http, acknowledged) -> {
            Map<String, Object> body = Applications.valid();
            @SuppressWarnings("unchecked")
            String passport = (String) ((Map<String, Object>) body.get("passport")).get("number");
            Http.Response r = http.postJson("/api/v1/enlistments", Http.json(body));
            if (r.status() == 201) {
                acknowledged.accept(new Acknowledged(r.json().get("reference").stringValue(), passport));
            }
        })) {
            Http http = run.restarted().http();
            List<String> missing = new ArrayList<>();
            for (Acknowledged a : run.acknowledged()) {
                Http.Response r = http.postJson("/api/v1/enlistments/status", Http.json(Map.of(
                        "reference", a.reference(), "passportNumber", a.passport(), "dateOfBirth", "1982-03-11")));
                if (r.status() != 200) {
                    missing.add(a.reference());
                }
            }
            assertThat(missing).as("acknowledged but lost after SIGKILL (of %d)", run.acknowledged().size())
                    .isEmpty();
        }
    }

    /** On the embedded H2 default in the data directory (its own settings, not the test's) or on PostgreSQL. */
    private LegionProcess start(int port) throws Exception {
        return LegionProcess.start(dataDir, port, "512m", List.of("--legion.demo.enabled=false",
                "--legion.rate-limit.per-client-per-minute=10000000", "--legion.rate-limit.per-client-burst=100000"));
    }
}
