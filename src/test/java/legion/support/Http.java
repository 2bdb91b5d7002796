package legion.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny real-HTTP client for tests. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** This response if it has the status, else an {@link IllegalStateException} naming the request and answer. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException(raw.request().method() + " " + raw.request().uri().getPath()
                        + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    public Response postJson(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .headers(headers.length == 0 ? new String[] {"X-Test", "1"} : headers)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response get(String path, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (user != null) {
            b.header("Authorization", basic(user, password)).header("X-Legion-OTP", TestDatabase.code());
        }
        return send(b);
    }

    /** GET with the given request headers (name, value, name, value …), anonymously. */
    public Response getWith(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    public Response postJsonAs(String path, String body, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Authorization", basic(user, password))
                .header("X-Legion-OTP", TestDatabase.code())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** POST a body of any type as an officer (HTTP Basic + the test OTP). */
    public Response postAs(String path, String contentType, String body, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType).header("Authorization", basic(user, password))
                .header("X-Legion-OTP", TestDatabase.code())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** PUT with a JSON body, as an officer (HTTP Basic) or anonymously (null user). */
    public Response putJsonAs(String path, String body, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization", basic(user, password)).header("X-Legion-OTP", TestDatabase.code());
        }
        return send(b);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
