package legion.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * The authorization matrix (docs/ARCHITECTURE.md, "Authorization matrix"), exercised automatically: every officer
 * endpoint and page × every role (and no login), on a case of the London embassy. Expected: A = allowed,
 * N = not found (outside scope), F = forbidden, L = login required.
 */
@LegionIntegrationTest
class AuthorizationMatrixTest {

    static final String PW = "demo-password";

    /** Users in matrix column order. */
    static final List<String> USERS = List.of("anonymous", "embassy-gb", "embassy-us", "vetting1", "reception1",
            "border1", "analyst1", "admin");

    /** One row per endpoint: expected outcome per user, in USERS order. */
    static final Map<String, String> MATRIX = Map.of(
            "API GET /api/v1/cases", "L A A A A F F F",
            "API GET /api/v1/enlistments/{ref}", "L A N A N N N N",
            "API POST /api/v1/enlistments/{ref}/transitions START_REVIEW", "L A N F N N N N",
            "PAGE GET /console/cases", "L A A A A F F F",
            "PAGE GET /console/cases/{ref}", "L A N A N N N N",
            "PAGE POST /console/cases/{ref}/actions START_REVIEW", "L A N F N N N N",
            "PAGE GET /console/reports", "L F F A F F A A",
            "PAGE GET /console/admin", "L F F F F F F A",
            "PAGE GET /console/admin/keys", "L F F F F F F A");

    @LocalServerPort
    int port;

    static Stream<Arguments> cells() {
        List<Arguments> all = new ArrayList<>();
        MATRIX.forEach((endpoint, row) -> {
            String[] expected = row.split(" ");
            for (int i = 0; i < USERS.size(); i++) {
                all.add(Arguments.of(endpoint, USERS.get(i), expected[i]));
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("cells")
    void enforcesTheMatrix(String endpoint, String user, String expected) {
        Http http = new Http(port);
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Matrix", "Case", "GB")))
                .json().get("reference").stringValue();
        String[] parts = endpoint.split(" ");
        String path = parts[2].replace("{ref}", ref);
        int status;
        if (parts[0].equals("API")) {
            boolean anonymous = user.equals("anonymous");
            status = parts[1].equals("GET")
                    ? http.get(path, anonymous ? null : user, PW).status()
                    : (anonymous ? http.postJson(path, "{\"transition\":\"" + parts[3] + "\"}")
                    : http.postJsonAs(path, "{\"transition\":\"" + parts[3] + "\"}", user, PW)).status();
            assertThat(status).as(endpoint + " as " + user).isEqualTo(switch (expected) {
                case "A" -> 200;
                case "N" -> 404;
                case "F" -> 403;
                default -> 401;
            });
            return;
        }
        ConsoleSession session = user.equals("anonymous") ? ConsoleSession.anonymous(port)
                : ConsoleSession.login(port, user, PW);
        if (parts[1].equals("GET")) {
            var page = session.get(path);
            status = page.status();
            if (expected.equals("L")) {
                assertThat(status).isEqualTo(302);
                assertThat(page.location()).endsWith("/login");
                return;
            }
        } else {
            var form = user.equals("anonymous") ? null : session.get("/login");
            var page = form == null ? session.post(path, Map.of("transition", parts[3]))
                    : session.postWithToken(path, form, Map.of("transition", parts[3]));
            status = page.status();
            if (expected.equals("L")) {
                assertThat(status).isIn(302, 403);
                return;
            }
            if (expected.equals("A")) {
                assertThat(status).isEqualTo(302);
                assertThat(page.location()).endsWith("/console/cases/" + ref);
                assertThat(http.get("/api/v1/enlistments/" + ref, "vetting1", PW).json().get("status").stringValue())
                        .isEqualTo("IN_REVIEW");
                return;
            }
            if (expected.equals("F")) {
                // the console answers a refused action on the case page itself
                assertThat(status).isEqualTo(302);
                assertThat(http.get("/api/v1/enlistments/" + ref, "vetting1", PW).json().get("status").stringValue())
                        .isEqualTo("SUBMITTED");
                return;
            }
        }
        assertThat(status).as(endpoint + " as " + user).isEqualTo(switch (expected) {
            case "A" -> 200;
            case "N" -> 404;
            case "F" -> 403;
            default -> 302;
        });
    }
}
