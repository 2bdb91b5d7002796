package legion.shared;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON request bodies strictly: bounded in size, well-formed, no duplicate keys, nothing after the value;
 * and digests them canonically (keys sorted, no white space) so that the same content gives the same digest.
 */
public final class JsonBodies {

    public static final int MAX_BYTES = 64 * 1024;

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private JsonBodies() {
    }

    /** Reads at most {@link #MAX_BYTES}; a larger body is a 413 (checked by its declared length first). */
    public static byte[] read(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > MAX_BYTES) {
            throw tooLarge(MAX_BYTES);
        }
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw tooLarge(MAX_BYTES);
        }
        return body;
    }

    /** Parses a JSON document; anything malformed is a 400 that does not echo the content. */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw malformed("The request body is empty; a JSON object is expected.");
        }
        try {
            JsonNode node = STRICT.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed("The request body is not a JSON document.");
            }
            return node;
        } catch (JacksonException e) {
            throw malformed("The request body is not well-formed JSON"
                    + (e.getLocation() == null ? "." : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")."));
        }
    }

    /** SHA-256 of the canonical form of a JSON tree (properties sorted, no white space), in hex. */
    public static String digest(JsonNode node) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsBytes(node)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 400 problem response that does not echo the content. */
    public static ErrorResponseException malformed(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", detail);
    }

    /** A 413 problem response. */
    public static ErrorResponseException tooLarge(int limit) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body is larger than " + limit + " bytes.");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return new ErrorResponseException(status, p, null);
    }

    /**
     * Writes an RFC 9457 problem response directly (for filters, which answer before any controller), with the
     * texts escaped as JSON.
     */
    public static void writeProblem(jakarta.servlet.http.HttpServletResponse response, int status, String title,
                                    String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.getWriter().write(STRICT.writeValueAsString(body));
    }
}
