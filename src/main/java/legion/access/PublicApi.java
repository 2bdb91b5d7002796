package legion.access;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** The routes of {@code /api/**} open to anyone (intake, status, advisories, certificates, verification). */
final class PublicApi {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    static final RequestMatcher ROUTES = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.POST, "/api/v1/enlistments"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/enlistments/status"),
            PATHS.matcher(HttpMethod.GET, "/api/v1/advisories/**"),
            PATHS.matcher(HttpMethod.GET, "/api/v1/authorizations/certificates/**"),
            PATHS.matcher(HttpMethod.GET, "/api/v1/authorizations/revocations/**"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/authorizations/verify"));

    private PublicApi() {
    }

    static boolean matches(HttpServletRequest request) {
        return ROUTES.matches(request);
    }
}
