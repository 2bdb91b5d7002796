package legion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The public API fuzzed with generated hostile input (jqwik): valid applications with one or more fields replaced by
 * hostile values, and arbitrary bytes. Never a 500; anything refused stores nothing.
 */
@Tag("integration")
class HostileInputProperties {

    static ConfigurableApplicationContext app;
    static Http http;
    static JdbcClient jdbc;

    @BeforeContainer
    static void start() {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        props.put("server.port", "0");
        props.put("legion.demo.enabled", "false");
        props.put("legion.rate-limit.enabled", "false");
        props.put("legion.data-dir", System.getProperty("java.io.tmpdir") + "/legion-fuzz-" + System.nanoTime());
        // as command-line arguments, so that they win over application.properties (default properties would not)
        app = new SpringApplicationBuilder(LegionApplication.class)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
        jdbc = app.getBean(JdbcClient.class);
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static long count() {
        return jdbc.sql("select count(*) from enlistment").query(Long.class).single();
    }

    static final List<String> FIELDS = List.of("givenNames", "surname", "dateOfBirth", "sex", "nationality",
            "countryOfResidence", "passport", "email", "phone", "languages", "role", "militaryExperience",
            "criminalRecord", "homeCountryLawAcknowledged");

    @Provide
    Arbitrary<Object> hostileValue() {
        Arbitrary<Object> strings = Arbitraries.strings().all().ofMaxLength(300).map(s -> (Object) s);
        Arbitrary<Object> tricky = Arbitraries.of("", " ", "\u0000", "\uD800", "\uFEFF", "'; drop table enlistment;--",
                "<script>alert(1)</script>", "%00", "../../etc/passwd", "9999-99-99", "0000-00-00", "1900-02-29",
                "ZZ", "gb", "\u202Egb", "X".repeat(101), "\u0661\u0662\u0663", "NaN", "-0-").map(s -> (Object) s);
        Arbitrary<Object> numbers = Arbitraries.oneOf(Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30), java.math.BigInteger.TEN.pow(40))
                        .map(b -> (Object) b));
        Arbitrary<Object> structures = Arbitraries.of(List.of(), List.of(1, "a", List.of()), Map.of(), Map.of("years", "x"),
                Map.of("number", Map.of()), Map.of("years", -5, "combatDeployments", 1e308)).map(o -> (Object) o);
        return Arbitraries.oneOf(strings, tricky, numbers, structures, Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
    }

    @Property(tries = 1500)
    void mutatedApplicationsNeverBreakTheServer(@ForAll("mutations") Map<String, Object> body) {
        long before = count();
        Http.Response r = http.postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).as(r.body()).isIn(201, 400, 422);
        assertThat(r.status()).isNotEqualTo(500);
        if (r.status() != 201) {
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(count()).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> mutations() {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<Integer> howMany = Arbitraries.integers().between(1, 4);
        return Combinators.combine(howMany, field.list().ofSize(4), hostileValue().list().ofSize(4))
                .as((n, fields, values) -> {
                    Map<String, Object> body = new LinkedHashMap<>(Applications.valid());
                    for (int i = 0; i < n; i++) {
                        body.put(fields.get(i), values.get(i));
                    }
                    return body;
                });
    }

    @Property(tries = 500)
    void arbitraryBytesAreRefusedCleanly(@ForAll byte[] bytes) {
        long before = count();
        Http.Response r = http.post("/api/v1/enlistments", "application/json", bytes);
        assertThat(r.status()).isIn(400, 422);
        assertThat(count()).isEqualTo(before);
        Http.Response status = http.post("/api/v1/enlistments/status", "application/json", bytes);
        assertThat(status.status()).isIn(400, 404, 422);
    }

    @Property(tries = 300)
    void arbitraryTextAsJsonStringsIsStoredExactlyOrRefused(@ForAll("names") String name) {
        Map<String, Object> body = Applications.valid(name, "Dent", "GB");
        Http.Response r = http.postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).isIn(201, 422);
        if (r.status() == 201) {
            String ref = r.json().get("reference").stringValue();
            var enlistments = app.getBean(legion.enlistment.Enlistments.class);
            assertThat(enlistments.findByReference(new legion.enlistment.Reference(ref)).orElseThrow()
                    .applicant().givenNames()).isEqualTo(name);
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(100)
                .filter(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s));
    }
}
