package legion.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import legion.shared.JsonBodies;

/**
 * JSON is UTF-8 (RFC 8259 §8.1) and Legion reads every JSON body as UTF-8: a request declaring another charset
 * ({@code application/json; charset=utf-16}) would be read as something other than what the client meant, so it is
 * refused with a {@code 415} problem before anything is read. Without a charset parameter, UTF-8 is assumed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class JsonCharsetFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String declared = request.getContentType();
        if (declared != null && !utf8OrNone(declared)) {
            JsonBodies.writeProblem(response, 415, "Unsupported charset",
                    "JSON request bodies must be UTF-8; declare charset=utf-8 or no charset.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** True unless the content type is JSON with a charset other than UTF-8; an unparseable type is left to MVC. */
    static boolean utf8OrNone(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException and InvalidMimeTypeException alike
            return true;
        }
        boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardSubtype()
                || type.getSubtype().endsWith("+json");
        String charset = type.getParameter("charset");
        if (!json || charset == null) {
            return true;
        }
        String name = charset.strip().replace("\"", "");
        return name.equalsIgnoreCase(StandardCharsets.UTF_8.name()) || name.equalsIgnoreCase("utf8");
    }
}
