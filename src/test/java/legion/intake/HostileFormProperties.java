package legion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.LegionApplication;
import legion.support.ConsoleSession;
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
 * The portal's forms fuzzed with hostile posts (jqwik): the application's answers with fields missing, replaced by
 * hostile or huge values, repeated or unknown; bodies in other content types (multipart where none is expected,
 * JSON, bytes). Never a 5xx; a refused post stores nothing (only an accepted submission adds one case).
 */
@Tag("integration")
class HostileFormProperties {

    static ConfigurableApplicationContext app;
    static int port;
    static JdbcClient jdbc;

    static final List<String> FORMS = List.of("/apply", "/apply/change", "/apply/submit", "/status", "/status/code",
            "/status/answer", "/status/withdraw", "/status/erase", "/status/end", "/login", "/login/code");

    static final List<String> FIELDS = List.of("givenNames", "surname", "dobDay", "dobMonth", "dobYear", "sex",
            "nationality", "countryOfResidence", "passportNumber", "passportIssuingCountry", "expiryDay", "expiryMonth",
            "expiryYear", "email", "phone", "languages", "role", "hasExperience", "years", "branch",
            "combatDeployments", "criminalRecord", "homeCountryLawAcknowledged", "idempotencyKey", "reference",
            "passportNumber", "code", "answer", "kind", "username", "password", "_csrf", "lang");

    @BeforeContainer
    static void start() {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        props.put("server.port", "0");
        props.put("legion.demo.enabled", "false");
        props.put("legion.rate-limit.enabled", "false");
        props.put("legion.data-dir", System.getProperty("java.io.tmpdir") + "/legion-form-fuzz-" + System.nanoTime());
        app = new SpringApplicationBuilder(LegionApplication.class)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        jdbc = app.getBean(JdbcClient.class);
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static long cases() {
        return jdbc.sql("select count(*) from enlistment").query(Long.class).single();
    }

    static Map<String, String> validAnswers() {
        return legion.support.Applications.portalForm();
    }

    @Provide
    Arbitrary<String> hostileValue() {
        Arbitrary<String> strings = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> tricky = Arbitraries.of("", " ", "\u0000", "\uFEFF", "\u202Egb", "'; drop table enlistment;--",
                "<script>alert(1)</script>", "%00", "%", "%zz", "../../etc/passwd", "9999", "-1", "0", "99999999999999999999",
                "1e308", "NaN", "true", "yes", "no", "X", "ZZ", "gb", "INFANTRY ", "infantry", "\r\n", "a,b,,c",
                "k".repeat(57), "k".repeat(58), "k".repeat(64), "k".repeat(65), "LGN-0000-0000", "00000a");
        Arbitrary<String> huge = Arbitraries.integers().between(1_000, 300_000).map(n -> "A".repeat(n));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, strings), net.jqwik.api.Tuple.of(4, tricky),
                net.jqwik.api.Tuple.of(1, huge));
    }

    /** A form post: the answers with some fields replaced, removed, repeated or added. */
    @Provide
    Arbitrary<List<Map.Entry<String, String>>> hostileForms() {
        Arbitrary<Integer> op = Arbitraries.integers().between(0, 3);
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        return Combinators.combine(op.list().ofMinSize(1).ofMaxSize(4), field.list().ofSize(4),
                hostileValue().list().ofSize(4)).as((ops, fields, values) -> {
                    Map<String, String> base = validAnswers();
                    List<Map.Entry<String, String>> extra = new ArrayList<>();
                    for (int i = 0; i < ops.size(); i++) {
                        switch (ops.get(i)) {
                            case 0 -> base.put(fields.get(i), values.get(i));
                            case 1 -> base.remove(fields.get(i));
                            case 2 -> extra.add(Map.entry(fields.get(i), values.get(i)));
                            default -> extra.add(Map.entry("unknown" + i, values.get(i)));
                        }
                    }
                    List<Map.Entry<String, String>> all = new ArrayList<>(base.entrySet());
                    all.addAll(extra);
                    return all;
                });
    }

    @Property(tries = 400)
    void hostileFormPostsNeverBreakTheServer(@ForAll("forms") String path,
                                             @ForAll("hostileForms") List<Map.Entry<String, String>> fields) {
        ConsoleSession s = ConsoleSession.anonymous(port);
        String token = s.follow(s.get("/apply")).csrf();
        List<Map.Entry<String, String>> withToken = new ArrayList<>(fields);
        if (fields.stream().noneMatch(e -> e.getKey().equals("_csrf"))) {
            withToken.add(Map.entry("_csrf", token));
        }
        String body = withToken.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        long before = cases();
        ConsoleSession.Page r = s.postRaw(path, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(path).isLessThan(500);
        boolean submitted = path.equals("/apply/submit") && r.status() == 302
                && r.location() != null && r.location().endsWith("/apply/confirmation");
        assertThat(cases()).as(path).isEqualTo(before + (submitted ? 1 : 0));
    }

    @Provide
    Arbitrary<String> forms() {
        return Arbitraries.of(FORMS);
    }

    @Property(tries = 200)
    void otherBodiesOnFormsAreRefusedCleanly(@ForAll("forms") String path, @ForAll("contentTypes") String type,
                                             @ForAll("bodies") byte[] bytes) {
        ConsoleSession s = ConsoleSession.anonymous(port);
        String token = s.follow(s.get("/apply")).csrf();
        long before = cases();
        String realType = type.replace("{token}", "");
        byte[] body = type.startsWith("multipart/form-data; boundary=B")
                ? multipart(token, bytes) : bytes;
        ConsoleSession.Page r = s.postRaw(path + (type.contains("{token}") ? "?_csrf=" + enc(token) : ""),
                realType.equals("none") ? null : realType, body);
        assertThat(r.status()).as(path + " " + type).isLessThan(500);
        assertThat(cases()).isEqualTo(before);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("multipart/form-data; boundary=B", "multipart/form-data", "multipart/form-data; boundary=",
                "application/json", "text/plain", "application/octet-stream", "none", "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=nope",
                "application/x-www-form-urlencoded{token}", "multipart/mixed; boundary=B");
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
                Arbitraries.of("{\"givenNames\":\"A\"}", "a=%", "a=%zz&b", "=&=&&", "%FF%FE=x", "a=" + "%E2%80%AE".repeat(50))
                        .map(t -> t.getBytes(StandardCharsets.UTF_8)));
    }

    /** A multipart body carrying the CSRF token and the valid answers, then the generated bytes as a file. */
    private static byte[] multipart(String token, byte[] file) {
        var out = new java.io.ByteArrayOutputStream();
        Map<String, String> fields = validAnswers();
        fields.put("_csrf", token);
        fields.put("homeCountryLawAcknowledged", "false"); // a refused submission, so nothing may be stored
        for (var e : fields.entrySet()) {
            out.writeBytes(("--B\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes("\r\n--B--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
