package legion.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Hard failures refuse an application at intake naming the rule; everything else is a verdict on the case. */
@LegionIntegrationTest
class EligibilityAtIntakeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private Http.Response apply(Map<String, Object> body) {
        return http.postJson("/api/v1/enlistments", Http.json(body));
    }

    private static JsonNode onlyError(Http.Response r) {
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void aSixteenYearOldIsRefusedNamingTheAgeRule() {
        Map<String, Object> body = Applications.valid();
        body.put("dateOfBirth", LocalDate.now().minusYears(16).toString());
        long before = count("enlistment");
        JsonNode error = onlyError(apply(body));
        assertThat(error.get("field").stringValue()).isEqualTo("dateOfBirth");
        assertThat(error.get("rule").stringValue()).isEqualTo("age-18-60");
        assertThat(error.get("message").stringValue()).contains("between 18 and 60");
        assertThat(count("enlistment")).isEqualTo(before);
    }

    @Test
    void aSeventyThreeYearOldIsRefused() {
        Map<String, Object> body = Applications.valid();
        body.put("dateOfBirth", LocalDate.now().minusYears(73).toString());
        assertThat(onlyError(apply(body)).get("rule").stringValue()).isEqualTo("age-18-60");
    }

    @Test
    void aPassportExpiringWithinSixMonthsIsRefused() {
        Map<String, Object> body = Applications.valid();
        @SuppressWarnings("unchecked")
        Map<String, Object> passport = new HashMap<>((Map<String, Object>) body.get("passport"));
        passport.put("expiryDate", LocalDate.now().plusMonths(3).toString());
        body.put("passport", passport);
        JsonNode error = onlyError(apply(body));
        assertThat(error.get("field").stringValue()).isEqualTo("passport.expiryDate");
        assertThat(error.get("rule").stringValue()).isEqualTo("passport-valid-6-months");
        assertThat(error.get("message").stringValue()).contains("6 months");
    }

    @Test
    void citizensOfAnExcludedCountryAreRefusedWithoutTheCountryInTheMessage() {
        JsonNode error = onlyError(apply(Applications.valid("Ivan", "Petrov", "RU")));
        assertThat(error.get("field").stringValue()).isEqualTo("nationality");
        assertThat(error.get("rule").stringValue()).isEqualTo("nationality-not-excluded");
    }

    @Test
    void otherFieldErrorsKeepTheirShapeWithoutARule() {
        Map<String, Object> body = Applications.valid();
        body.put("sex", "Q");
        JsonNode error = onlyError(apply(body));
        assertThat(error.has("rule")).isFalse();
        assertThat(error.get("field").stringValue()).isEqualTo("sex");
    }

    @Test
    void aDeclaredCriminalRecordIsAcceptedAndRecordedAsNeedingReviewWithThePolicyVersion() {
        Map<String, Object> body = Applications.valid();
        body.put("criminalRecord", true);
        var r = apply(body);
        assertThat(r.status()).isEqualTo(201);
        String reference = r.json().get("reference").stringValue();
        var verdict = jdbc.sql("select outcome, policy_version, findings from rules_verdict where program = 'legion' and reference = ?")
                .param(reference).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        assertThat(verdict[0]).isEqualTo("NEEDS_REVIEW");
        assertThat(Integer.parseInt(verdict[1])).isPositive();
        assertThat(verdict[2]).contains("criminal-record").doesNotContain("Dent").doesNotContain("Arthur");
    }

    @Test
    void theValidTestApplicationPasses() {
        var r = apply(Applications.valid());
        assertThat(r.status()).isEqualTo(201);
        assertThat(jdbc.sql("select outcome from rules_verdict where program = 'legion' and reference = ?")
                .param(r.json().get("reference").stringValue()).query(String.class).single()).isEqualTo("PASS");
    }

    @Test
    void thePortalFormShowsTheSameMessageForARefusal() {
        ConsoleSession portal = ConsoleSession.anonymous(port);
        var page = portal.follow(portal.get("/apply"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("givenNames", "Arthur");
        form.put("surname", "Dent");
        LocalDate dob = LocalDate.now().minusYears(16);
        form.put("dobDay", "" + dob.getDayOfMonth());
        form.put("dobMonth", "" + dob.getMonthValue());
        form.put("dobYear", "" + dob.getYear());
        form.put("sex", "M");
        form.put("nationality", "GB");
        form.put("countryOfResidence", "GB");
        form.put("passportNumber", "X1234567");
        form.put("passportIssuingCountry", "GB");
        LocalDate expiry = LocalDate.now().plusYears(3);
        form.put("expiryDay", "" + expiry.getDayOfMonth());
        form.put("expiryMonth", "" + expiry.getMonthValue());
        form.put("expiryYear", "" + expiry.getYear());
        form.put("email", "a@example.org");
        form.put("role", "COOK");
        form.put("hasExperience", "no");
        form.put("criminalRecord", "false");
        form.put("homeCountryLawAcknowledged", "true");
        var answer = portal.postAndFollow("/apply", page, form);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("error-summary")
                .contains("Volunteers must be between 18 and 60 years old on the day they apply")
                .contains("href=\"#dobDay\"");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
