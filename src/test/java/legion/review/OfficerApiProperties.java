package legion.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.LegionApplication;
import legion.support.Applications;
import legion.support.Http;
import legion.support.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The officers' API fuzzed (jqwik), signed in as the real demo officers (HTTP Basic and their current TOTP code):
 * transitions, interviews, advisories and policies with valid bodies mutated by hostile values, and arbitrary bytes.
 * Never a 5xx; a refusal changes nothing (the case's version, history and audit trail, the advisories and policies).
 */
@Tag("integration")
class OfficerApiProperties {

    static final String PW = "demo-password";
    static final List<String> OFFICERS = List.of("embassy-gb", "embassy-us", "vetting1", "vetting2", "reception1",
            "border1", "analyst1", "admin");
    static final Set<String> FINAL = Set.of("REJECTED", "WITHDRAWN", "REVOKED", "ENLISTED");

    static ConfigurableApplicationContext app;
    static Http http;
    static JdbcClient jdbc;
    static final List<String> cases = new ArrayList<>();

    @BeforeContainer
    static void start() {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        props.put("server.port", "0");
        props.put("legion.demo.password", PW);
        props.put("legion.demo.totp-secret", TestDatabase.TOTP_SECRET);
        props.put("legion.access.totp-replay-protection", "false");
        props.put("legion.rate-limit.enabled", "false");
        props.put("legion.screening.lists", "un=src/test/resources/screening/un-extract.xml");
        props.put("legion.data-dir", System.getProperty("java.io.tmpdir") + "/legion-officer-fuzz-" + System.nanoTime());
        app = new SpringApplicationBuilder(LegionApplication.class)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
        jdbc = app.getBean(JdbcClient.class);
        for (int i = 0; i < 6; i++) {
            cases.add(submit());
        }
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static String submit() {
        return http.postJson("/api/v1/enlistments", Http.json(Applications.valid())).json().get("reference")
                .stringValue();
    }

    /** What a refusal must leave as it was: the case row's version, its history and its audit entries. */
    static List<Object> snapshot(String ref) {
        return List.of(jdbc.sql("select version from enlistment where reference = ?").param(ref).query(Long.class)
                        .single(),
                jdbc.sql("select count(*) from enlistment_history h join enlistment e on e.id = h.enlistment_id "
                        + "where e.reference = ?").param(ref).query(Long.class).single(),
                jdbc.sql("select count(*) from audit_log where subject = ? and action like 'TRANSITION%'").param(ref)
                        .query(Long.class).single(),
                jdbc.sql("select count(*) from review_interview i join enlistment e on e.id = i.enlistment_id "
                        + "where e.reference = ?").param(ref).query(Long.class).single(),
                jdbc.sql("select count(*) from advisory").query(Long.class).single(),
                jdbc.sql("select count(*) from rules_policy").query(Long.class).single());
    }

    /** A case to act on; a case that reached a final stage is replaced by a new one, so stages stay varied. */
    static String pick(int index) {
        int i = Math.floorMod(index, cases.size());
        String stage = jdbc.sql("select stage from enlistment where reference = ?").param(cases.get(i))
                .query(String.class).single();
        if (FINAL.contains(stage)) {
            cases.set(i, submit());
        }
        return cases.get(i);
    }

    @Provide
    Arbitrary<Object> hostileValue() {
        Arbitrary<Object> strings = Arbitraries.strings().all().ofMaxLength(300).map(s -> (Object) s);
        Arbitrary<Object> tricky = Arbitraries.of("", " ", "\u0000", "\uD800", "\u200b", "\u202Eok", "x".repeat(2001),
                "x".repeat(5000), "'; drop table enlistment;--", "<script>alert(1)</script>", "APPROVE", "REJECT",
                "START_REVIEW", "INVITE_TO_INTERVIEW", "ENLIST", "SECURITY", "OTHER", "COOK", "2027-01-11T10:00",
                "Europe/London", "Mars/Olympus", "IN_PERSON", "VIDEO", "PASSED", "NO_SHOW", "9999-12-31", "-1", "NaN",
                "GB", "\u0645\u062d\u0645\u062f", "AT_RISK", "NOT_ALLOWED").map(s -> (Object) s);
        Arbitrary<Object> numbers = Arbitraries.oneOf(Arbitraries.integers().between(-2, 12).map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(19), java.math.BigInteger.TEN.pow(30))
                        .map(b -> (Object) b));
        Arbitrary<Object> structures = Arbitraries.of(List.of(), List.of(1, "a"), Map.of(), Map.of("at", 1),
                Map.of("at", "2027-01-11T10:00", "zone", "Europe/London", "mode", "VIDEO"),
                Map.of("at", "yesterday", "zone", "UTC", "mode", "BY_PIGEON"), List.of("CD", "ZZ", 3)).map(o -> (Object) o);
        return Arbitraries.oneOf(strings, tricky, numbers, structures, Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
    }

    static final List<String> TRANSITION_FIELDS = List.of("transition", "reason", "reasonCode", "role", "unit",
            "expectedVersion", "interview", "outcome", "notes");

    @Provide
    Arbitrary<Map<String, Object>> transitionBodies() {
        Arbitrary<String> transition = Arbitraries.of("START_REVIEW", "REQUEST_INFORMATION", "RECEIVE_INFORMATION",
                "INVITE_TO_INTERVIEW", "RECOMMEND", "APPROVE", "AUTHORIZE", "CONFIRM_ARRIVAL", "ENLIST", "REJECT",
                "WITHDRAW", "REVOKE");
        return Combinators.combine(transition, Arbitraries.integers().between(0, 3),
                        Arbitraries.of(TRANSITION_FIELDS).list().ofSize(3), hostileValue().list().ofSize(3))
                .as((t, n, fields, values) -> {
                    Map<String, Object> body = new LinkedHashMap<>(Map.of("transition", t, "reason", "fuzzed",
                            "reasonCode", "OTHER"));
                    for (int i = 0; i < n; i++) {
                        body.put(fields.get(i), values.get(i));
                    }
                    return body;
                });
    }

    @Property(tries = 300)
    void hostileTransitionsNeverBreakTheServerNorChangeARefusedCase(
            @ForAll("transitionBodies") Map<String, Object> body, @ForAll("officer") String officer,
            @ForAll int which, @ForAll boolean interviewPath) {
        String ref = pick(which);
        List<Object> before = snapshot(ref);
        String path = "/api/v1/enlistments/" + ref + (interviewPath ? "/interview" : "/transitions");
        Http.Response r = http.postJsonAs(path, Http.json(body), officer, PW);
        assertThat(r.status()).as(r.body()).isLessThan(500);
        if (r.status() != 200) {
            assertThat(snapshot(ref)).as(r.status() + " " + r.body()).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<String> officer() {
        return Arbitraries.of(OFFICERS);
    }

    @Property(tries = 100)
    void arbitraryBytesToOfficersEndpointsAreRefusedCleanly(@ForAll byte[] bytes, @ForAll("officer") String officer,
                                                            @ForAll int which, @ForAll("endpoint") String endpoint) {
        String ref = pick(which);
        List<Object> before = snapshot(ref);
        String path = endpoint.replace("{ref}", ref);
        Http.Response r = endpoint.startsWith("PUT ")
                ? http.putJsonAs(path.substring(4), new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1),
                officer, PW)
                : http.postJsonAs(path, new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), officer, PW);
        assertThat(r.status()).as(r.body()).isLessThan(500);
        if (r.status() >= 300) {
            assertThat(snapshot(ref)).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<String> endpoint() {
        return Arbitraries.of("/api/v1/enlistments/{ref}/transitions", "/api/v1/enlistments/{ref}/interview",
                "/api/v1/eligibility/policies", "PUT /api/v1/advisories/GB");
    }

    @Provide
    Arbitrary<Map<String, Object>> adminBodies() {
        Arbitrary<String> field = Arbitraries.of("status", "summary", "sources", "minAge", "maxAge",
                "minPassportValidityMonths", "excludedNationalities", "roles", "note");
        return Combinators.combine(Arbitraries.integers().between(1, 3), field.list().ofSize(3),
                        hostileValue().list().ofSize(3))
                .as((n, fields, values) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        body.put(fields.get(i), values.get(i));
                    }
                    return body;
                });
    }

    @Property(tries = 100)
    void hostileAdvisoriesAndPoliciesNeverBreakTheServer(@ForAll("adminBodies") Map<String, Object> body,
                                                         @ForAll boolean policy, @ForAll("officer") String officer) {
        List<Object> before = snapshot(cases.get(0));
        Http.Response r = policy
                ? http.postJsonAs("/api/v1/eligibility/policies", Http.json(body), officer, PW)
                : http.putJsonAs("/api/v1/advisories/GB", Http.json(body), officer, PW);
        assertThat(r.status()).as(r.body()).isLessThan(500);
        if (r.status() >= 300) {
            assertThat(snapshot(cases.get(0))).isEqualTo(before);
        }
    }
}
