package legion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Issue 11 item 6 replayed: names of zero-width characters, bidi overrides in names and branch, control characters in
 * branch, a passport expiring in 9999, a body declared as UTF-16 — all refused, nothing stored; names in any script
 * (joiners inside Persian and Sinhala names included) still stored exactly as given.
 */
@LegionIntegrationTest
class InputRulesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Enlistments enlistments;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    long count() {
        return jdbc.sql("select count(*) from enlistment").query(Long.class).single();
    }

    /** Posts the body and expects a 422 naming exactly these fields, with nothing stored. */
    List<String> refusedFields(Map<String, Object> body) {
        long before = count();
        var r = http.postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(count()).isEqualTo(before);
        return r.json().get("errors").valueStream().map(e -> e.get("field").stringValue()).toList();
    }

    @Test
    void refusesNamesWithNoVisibleCharacter() {
        var body = Applications.valid("\u200b\u200c\u200d", "\ufeff\u2060", "GB");
        assertThat(refusedFields(body)).containsExactly("givenNames", "surname");
        var r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("\u3164", "Dent", "GB")));
        assertThat(r.json().get("errors").get(0).get("message").stringValue())
                .isEqualTo("Enter at least one visible letter, digit or sign");
    }

    @Test
    void refusesBidiControlsInNamesAndBranch() {
        var body = Applications.valid("Arthur\u202e", "\u2067Dent\u2069", "GB");
        body.put("militaryExperience", Map.of("years", 4, "branch", "Army\u202Egb", "combatDeployments", 1));
        assertThat(refusedFields(body)).containsExactly("givenNames", "surname", "militaryExperience.branch");
        var r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Arthur\u200f", "Dent", "GB")));
        assertThat(r.json().get("errors").get(0).get("message").stringValue())
                .isEqualTo("This field contains characters that change the reading direction, which are not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Army\u0007", "Army\nNavy", "Army\u001b[2J", "Army\u0085"})
    void refusesControlCharactersInBranch(String branch) {
        var body = Applications.valid();
        body.put("militaryExperience", Map.of("years", 4, "branch", branch, "combatDeployments", 1));
        assertThat(refusedFields(body)).containsExactly("militaryExperience.branch");
    }

    @Test
    void acceptsPassportsExpiringWithinElevenYearsOnly() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String late : List.of("9999-12-31", today.plusYears(11).plusDays(1).toString())) {
            var body = Applications.valid();
            passport(body).put("expiryDate", late);
            assertThat(refusedFields(body)).containsExactly("passport.expiryDate");
        }
        var body = Applications.valid();
        passport(body).put("expiryDate", today.plusYears(11).toString());
        assertThat(http.postJson("/api/v1/enlistments", Http.json(body)).status()).isEqualTo(201);
        var expired = Applications.valid();
        passport(expired).put("expiryDate", today.toString());
        assertThat(refusedFields(expired)).containsExactly("passport.expiryDate");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> passport(Map<String, Object> body) {
        return (Map<String, Object>) body.get("passport");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-16", "application/json;charset=UTF-16LE",
            "application/json; charset=iso-8859-1", "application/json; charset=\"windows-1252\""})
    void refusesBodiesDeclaredInAnotherCharsetThanUtf8(String contentType) {
        long before = count();
        var r = http.post("/api/v1/enlistments", contentType,
                Http.json(Applications.valid()).getBytes(StandardCharsets.UTF_16));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").intValue()).isEqualTo(415);
        assertThat(http.post("/api/v1/enlistments/status", contentType, "{}".getBytes(StandardCharsets.UTF_16))
                .status()).isEqualTo(415);
        assertThat(count()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "application/json;charset=UTF-8", "application/json"})
    void acceptsUtf8DeclaredOrNot(String contentType) {
        var r = http.post("/api/v1/enlistments", contentType,
                Http.json(Applications.valid()).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0645\u062d\u0645\u062f \u0639\u0628\u062f \u0627\u0644\u0644\u0647", // Arabic
            "\u041e\u043b\u0435\u043a\u0441\u0430\u043d\u0434\u0440",                  // Cyrillic
            "\u738b\u5c0f\u660e",                                                      // Han
            "Jose\u0301 Mari\u0301a",                                                  // combining marks
            "\u0639\u0644\u06cc\u200c\u0631\u0636\u0627",                              // Persian with ZWNJ
            "\u0dc1\u0dca\u200d\u0dbb\u0dd3 \u0dbd\u0d82\u0d9a\u0dcf",                 // Sinhala with ZWJ
            "\u0915\u094d\u200d\u0937",                                                // Devanagari half form
    })
    void storesNamesInAnyScriptExactly(String name) {
        var r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid(name, "Dent", "GB")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String ref = r.json().get("reference").stringValue();
        assertThat(enlistments.findByReference(new Reference(ref)).orElseThrow().applicant().givenNames())
                .isEqualTo(name);
    }

    @Test
    void thePortalFormAppliesTheSameRule() {
        ConsoleSession portal = ConsoleSession.anonymous(port);
        var page = portal.follow(portal.get("/apply"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("givenNames", "\u200b\u200b");
        form.put("surname", "Dent\u202e");
        form.put("dobDay", "11");
        form.put("dobMonth", "3");
        form.put("dobYear", "1982");
        form.put("sex", "M");
        form.put("nationality", "GB");
        form.put("countryOfResidence", "GB");
        form.put("passportNumber", "X1234567");
        form.put("passportIssuingCountry", "GB");
        form.put("expiryDay", "31");
        form.put("expiryMonth", "12");
        form.put("expiryYear", "9999");
        form.put("email", "a@example.org");
        form.put("role", "COOK");
        form.put("hasExperience", "yes");
        form.put("years", "3");
        form.put("branch", "Navy\u0007");
        form.put("criminalRecord", "false");
        var answer = portal.postAndFollow("/apply", page, form);
        assertThat(answer.status()).isEqualTo(200);
        // the first page with problems shows them; each later page shows its own when it is sent
        assertThat(answer.body()).contains("error-summary")
                .contains("href=\"#givenNames\"").contains("Enter at least one visible letter, digit or sign")
                .contains("href=\"#surname\"").contains("change the reading direction");
        assertThat(portal.postAndFollow("/apply/passport", answer, Map.of()).body())
                .contains("href=\"#expiryDay\"").contains("within the next 11 years");
        assertThat(portal.postAndFollow("/apply/service", answer, Map.of()).body()).contains("href=\"#branch\"");
    }

}
