package legion.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A signed-in console session over real HTTP (cookies, CSRF tokens from the pages), without a browser. */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final HttpClient client;
    private final String base;

    private ConsoleSession(int port) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build(), port);
    }

    private ConsoleSession(HttpClient client, int port) {
        this.client = client;
        this.base = "http://localhost:" + port;
    }

    /** The same browser (its cookies) talking to another node, as behind a load balancer without sticky sessions. */
    public ConsoleSession on(int port) {
        return new ConsoleSession(client, port);
    }

    public record Page(int status, String body, String location) {
        public String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the page");
            }
            return m.group(1);
        }
    }

    public static ConsoleSession login(int port, String user, String password) {
        ConsoleSession s = new ConsoleSession(port);
        Page login = s.get("/login");
        Page done = s.post("/login", Map.of("username", user, "password", password, "_csrf", login.csrf()));
        if (done.location() == null || !done.location().endsWith("/login/code")) {
            throw new IllegalStateException("login failed for " + user);
        }
        Page form = s.get("/login/code");
        Page in = s.post("/login/code", Map.of("code", TestDatabase.code(), "_csrf", form.csrf()));
        if (in.location() == null || !in.location().endsWith("/console")) {
            throw new IllegalStateException("second factor refused for " + user);
        }
        return s;
    }

    public static ConsoleSession anonymous(int port) {
        return new ConsoleSession(port);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET that asks for HTML, as a browser does (error pages then answer as pages, not as JSON). */
    public Page getPage(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,*/*;q=0.8").GET());
    }

    public Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a body as given, with this session's cookies (content type null: no Content-Type header). */
    public Page postRaw(String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    /** Posts a form with the CSRF token of the given page. */
    public Page postWithToken(String path, Page from, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", from.csrf());
        return post(path, all);
    }

    /**
     * Posts a form with the CSRF token of the given page and, as a browser does after Post/Redirect/Get, follows
     * the redirect with a GET: the page the answer leads to (or the answer itself when it is no redirect).
     */
    public Page postAndFollow(String path, Page from, Map<String, String> form) {
        return follow(postWithToken(path, from, form));
    }

    /** The page a redirect leads to, fetched with a GET in this session; any other answer as it is. */
    public Page follow(Page answer) {
        Page page = answer;
        for (int hops = 0; hops < 5 && page.status() / 100 == 3 && page.location() != null; hops++) {
            String to = page.location();
            page = get(to.startsWith("http") ? URI.create(to).getRawPath()
                    + (URI.create(to).getRawQuery() == null ? "" : "?" + URI.create(to).getRawQuery()) : to);
        }
        return page;
    }

    /** Posts a multipart form (one optional file) with the CSRF token of the given page. */
    public Page postMultipart(String path, Page from, Map<String, String> fields, String fileField, String fileName,
                              String fileType, byte[] file) {
        String boundary = "----legion" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", from.csrf());
        try {
            for (var e : all.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (file != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(file);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** GETs raw bytes (downloads). */
    public byte[] download(String path) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts JSON with the CSRF token of the given page in the {@code X-CSRF-TOKEN} header (null: without one). */
    public Page postJson(String path, Page from, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (from != null) {
            b.header("X-CSRF-TOKEN", from.csrf());
        }
        return send(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Page send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
