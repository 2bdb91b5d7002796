package legion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The public intake contract of PRODUCT.md, over real HTTP, on H2 and PostgreSQL. */
@LegionIntegrationTest
class IntakeContractTest {

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

    long enlistments() {
        return jdbc.sql("select count(*) from enlistment").query(Long.class).single();
    }

    @Test
    void acceptsAValidApplication() {
        Map<String, Object> body = Applications.valid();
        var r = http.postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).isEqualTo(201);
        JsonNode json = r.json();
        String reference = json.get("reference").stringValue();
        assertThat(reference).matches("LGN-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(r.header("Location")).isEqualTo("/api/v1/enlistments/" + reference);
        assertThat(json.get("status").stringValue()).isEqualTo("SUBMITTED");
        assertThat(json.get("embassy").get("code").stringValue()).isEqualTo("GB");
        assertThat(json.get("embassy").get("name").stringValue()).isNotBlank();
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void routesCountriesWithoutEmbassyToTheHqQueue() {
        var r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Ana", "Silva", "PT")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("embassy").get("code").stringValue()).isEqualTo("HQ");
    }

    @Test
    void replaysTheSameKeyAndBodyWithoutStoringAgain() {
        String body = Http.json(Applications.valid());
        String key = "key-" + System.nanoTime();
        var first = http.postJson("/api/v1/enlistments", body, "Idempotency-Key", key);
        long count = enlistments();
        var second = http.postJson("/api/v1/enlistments", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("reference")).isEqualTo(first.json().get("reference"));
        assertThat(enlistments()).isEqualTo(count);
    }

    @Test
    void theSameContentWithOtherWhitespaceOrKeyOrderIsTheSameRequest() {
        Map<String, Object> body = Applications.valid();
        String key = "order-" + System.nanoTime();
        var first = http.postJson("/api/v1/enlistments", Http.json(body), "Idempotency-Key", key);
        String reordered = "{ \"surname\": \"Dent\", " + Http.json(body).substring(1).replace("\"surname\":\"Dent\",", "");
        var second = http.postJson("/api/v1/enlistments", reordered, "Idempotency-Key", key);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("reference")).isEqualTo(first.json().get("reference"));
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        String key = "conflict-" + System.nanoTime();
        var first = http.postJson("/api/v1/enlistments", Http.json(Applications.valid()), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        long count = enlistments();
        var other = http.postJson("/api/v1/enlistments", Http.json(Applications.valid("Ford", "Prefect", "GB")),
                "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(enlistments()).isEqualTo(count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a key with spaces", "tab\tkey", "0123456789012345678901234567890123456789012345678901234567890123X"})
    void rejectsMalformedIdempotencyKeys(String key) {
        long count = enlistments();
        var r = http.post("/api/v1/enlistments?k=" + key.length(), "application/json",
                Http.json(Applications.valid()).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(201); // control: the body itself is fine
        count = enlistments();
        var bad = http.postJson("/api/v1/enlistments", Http.json(Applications.valid()), "Idempotency-Key",
                key.isEmpty() ? " " : key);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(enlistments()).isEqualTo(count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"givenNames\": }", "[1,2", "nul", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}", "\u0000"})
    void answersMalformedJsonWith400(String body) {
        long count = enlistments();
        var r = http.postJson("/api/v1/enlistments", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").intValue()).isEqualTo(400);
        assertThat(enlistments()).isEqualTo(count);
    }

    @Test
    void answersEmptyAndInvalidUtf8BodiesWith400() {
        assertThat(http.post("/api/v1/enlistments", "application/json", new byte[0]).status()).isEqualTo(400);
        byte[] invalid = {'{', '"', 's', 'u', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(http.post("/api/v1/enlistments", "application/json", invalid).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void answersOtherContentTypesWith415(String type) {
        long count = enlistments();
        var r = http.post("/api/v1/enlistments", type, Http.json(Applications.valid()).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(enlistments()).isEqualTo(count);
    }

    @Test
    void answersBodiesOver64KiBWith413() {
        Map<String, Object> body = Applications.valid();
        body.put("padding", "x".repeat(64 * 1024));
        long count = enlistments();
        var r = http.postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(enlistments()).isEqualTo(count);
    }

    @Test
    void acceptsABodyJustUnderTheLimit() {
        Map<String, Object> body = Applications.valid();
        int size = Http.json(body).getBytes(StandardCharsets.UTF_8).length;
        body.put("padding", "x".repeat(64 * 1024 - size - 20));
        assertThat(Http.json(body).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 * 1024);
        assertThat(http.postJson("/api/v1/enlistments", Http.json(body)).status()).isEqualTo(201);
    }

    @Test
    void listsEveryMissingRequiredField() {
        var r = http.postJson("/api/v1/enlistments", "{}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(fields(r.json())).containsExactlyInAnyOrder("givenNames", "surname", "dateOfBirth", "sex",
                "nationality", "countryOfResidence", "passport", "email", "role", "criminalRecord",
                "homeCountryLawAcknowledged");
        r.json().get("errors").forEach(e -> assertThat(e.get("message").stringValue()).isNotBlank());
    }

    @Test
    void leavesOptionalFieldsOut() {
        Map<String, Object> body = Applications.valid();
        body.remove("phone");
        body.remove("languages");
        body.remove("militaryExperience");
        assertThat(http.postJson("/api/v1/enlistments", Http.json(body)).status()).isEqualTo(201);
    }

    static Object[][] invalidFields() {
        return new Object[][] {
                {"givenNames", "x".repeat(101), "givenNames"},
                {"givenNames", 42, "givenNames"},
                {"givenNames", "Arthur\u0000", "givenNames"},
                {"surname", "   ", "surname"},
                {"dateOfBirth", "1952-02-30", "dateOfBirth"},
                {"dateOfBirth", "11/03/1952", "dateOfBirth"},
                {"dateOfBirth", "2999-01-01", "dateOfBirth"},
                {"sex", "male", "sex"},
                {"sex", "Q", "sex"},
                {"nationality", "gb", "nationality"},
                {"nationality", "XX", "nationality"},
                {"nationality", "GBR", "nationality"},
                {"countryOfResidence", null, "countryOfResidence"},
                {"passport", "1234567XY", "passport"},
                {"email", "not-an-email", "email"},
                {"phone", "0123", "phone"},
                {"languages", "en", "languages"},
                {"languages", List.of("en", "english"), "languages[1]"},
                {"role", "GENERAL", "role"},
                {"militaryExperience", Map.of("years", -1), "militaryExperience.years"},
                {"militaryExperience", Map.of("years", 1.5), "militaryExperience.years"},
                {"militaryExperience", Map.of("years", 99999999999L), "militaryExperience.years"},
                {"criminalRecord", "no", "criminalRecord"},
                {"homeCountryLawAcknowledged", false, "homeCountryLawAcknowledged"},
        };
    }

    @ParameterizedTest(name = "{0} = {1}")
    @org.junit.jupiter.params.provider.MethodSource("invalidFields")
    void namesTheInvalidField(String field, Object value, String reported) {
        Map<String, Object> body = Applications.valid();
        body.put(field, value);
        long count = enlistments();
        var r = http.postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(r.json())).containsExactly(reported);
        assertThat(enlistments()).isEqualTo(count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00x", "\\u0007", "\\ufffe"})
    void rejectsEscapedCharactersNoNameHas(String escape) {
        String body = Http.json(Applications.valid()).replace("\"Arthur Philip\"", "\"Arthur" + escape + "\"");
        assertThat(body).contains(escape);
        var r = http.postJson("/api/v1/enlistments", body);
        assertThat(r.status()).isEqualTo(422);
        assertThat(fields(r.json())).containsExactly("givenNames");
    }

    @ParameterizedTest
    @ValueSource(strings = {"number", "issuingCountry", "expiryDate"})
    void namesInvalidPassportFieldsByPath(String field) {
        Map<String, Object> body = Applications.valid();
        @SuppressWarnings("unchecked")
        Map<String, Object> passport = (Map<String, Object>) body.get("passport");
        passport.put(field, switch (field) {
            case "number" -> "12345-678";
            case "issuingCountry" -> "ZZ";
            default -> "2001-01-01";
        });
        var r = http.postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).isEqualTo(422);
        assertThat(fields(r.json())).containsExactly("passport." + field);
    }

    @Test
    void answersNonObjectBodiesWith422() {
        for (String body : new String[] {"[]", "\"text\"", "42", "null", "true"}) {
            var r = http.postJson("/api/v1/enlistments", body);
            assertThat(r.status()).as(body).isEqualTo(422);
        }
    }

    @Test
    void storesNamesInAnyScriptExactly() {
        String[][] names = {{"Артур Філіп", "Дент"}, {"آرثر فيليب", "دنت"}, {"Ἀρθοῦρος", "Ντεντ"},
                {"アーサー", "デント"}, {"José  María", "O'Connor-Ñúñez"}, {"👍🏽 Zoë", "𝔇𝔢𝔫𝔱"}};
        for (String[] n : names) {
            var r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid(n[0], n[1], "GB")));
            assertThat(r.status()).isEqualTo(201);
            String ref = r.json().get("reference").stringValue();
            var stored = enlistments.findByReference(new Reference(ref)).orElseThrow().applicant();
            assertThat(new String[] {stored.givenNames(), stored.surname()}).containsExactly(n[0], n[1]);
            var seen = http.get("/api/v1/enlistments/" + ref, "embassy-gb", "demo-password");
            assertThat(seen.json().get("applicant").get("givenNames").stringValue()).isEqualTo(n[0]);
            assertThat(seen.json().get("applicant").get("surname").stringValue()).isEqualTo(n[1]);
        }
    }

    @Test
    void storesSqlAndHtmlMetacharactersVerbatim() {
        String given = "Robert'); DROP TABLE enlistment;--";
        String surname = "<script>alert(\"x\")</script> & \\ % _";
        var r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid(given, surname, "GB")));
        assertThat(r.status()).isEqualTo(201);
        String ref = r.json().get("reference").stringValue();
        var stored = enlistments.findByReference(new Reference(ref)).orElseThrow().applicant();
        assertThat(new String[] {stored.givenNames(), stored.surname()}).containsExactly(given, surname);
    }

    @Test
    void reportsStatusOnlyWhenAllThreeMatch() {
        Map<String, Object> body = Applications.valid();
        String ref = http.postJson("/api/v1/enlistments", Http.json(body)).json().get("reference").stringValue();
        @SuppressWarnings("unchecked")
        String passport = (String) ((Map<String, Object>) body.get("passport")).get("number");
        var ok = http.postJson("/api/v1/enlistments/status",
                Http.json(Map.of("reference", ref, "passportNumber", passport, "dateOfBirth", "1982-03-11")));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("reference").stringValue()).isEqualTo(ref);
        assertThat(ok.json().get("status").stringValue()).isEqualTo("SUBMITTED");
        assertThat(ok.json().get("updatedAt").stringValue()).isNotBlank();

        var wrongPassport = http.postJson("/api/v1/enlistments/status",
                Http.json(Map.of("reference", ref, "passportNumber", (passport.charAt(0) == 'X' ? "Y" : "X") + passport.substring(1), "dateOfBirth", "1982-03-11")));
        var wrongDob = http.postJson("/api/v1/enlistments/status",
                Http.json(Map.of("reference", ref, "passportNumber", passport, "dateOfBirth", "1982-03-12")));
        var wrongRef = http.postJson("/api/v1/enlistments/status",
                Http.json(Map.of("reference", "LGN-0000-0000", "passportNumber", passport, "dateOfBirth", "1982-03-11")));
        for (var r : List.of(wrongPassport, wrongDob, wrongRef)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).isEqualTo(wrongPassport.body().replace("", ""));
        }
    }

    @Test
    void statusLookUpValidatesItsInput() {
        assertThat(http.postJson("/api/v1/enlistments/status", "{").status()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/enlistments/status", "{}").status()).isEqualTo(422);
        assertThat(http.post("/api/v1/enlistments/status", "text/plain", "x".getBytes()).status()).isEqualTo(415);
    }

    @Test
    void neverShowsACaseWithoutAnOfficerLogin() {
        String ref = http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).json()
                .get("reference").stringValue();
        assertThat(http.get("/api/v1/enlistments/" + ref, null, null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/enlistments/" + ref, "embassy-gb", "wrong").status()).isEqualTo(401);
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> e.get("field").stringValue()).toList();
    }
}
