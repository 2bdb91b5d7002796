package legion.access;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second factor of officers' sign-in. A correct password only grants a pending authority
 * ({@link #PENDING_CODE} or, before enrolment, {@link #PENDING_ENROLMENT}); the officer's roles are granted once a
 * one-time code is accepted. The API requires a current code in the {@code X-Legion-OTP} header with Basic auth.
 */
public final class SecondFactor {

    public static final String PENDING_CODE = "FACTOR_PENDING_CODE";
    public static final String PENDING_ENROLMENT = "FACTOR_PENDING_ENROLMENT";
    public static final String API_HEADER = "X-Legion-OTP";

    static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private SecondFactor() {
    }

    /** After the password: a pending authentication, and on to the code (or enrolment) page. */
    static AuthenticationSuccessHandler afterPassword(Officers officers) {
        return (request, response, authentication) -> {
            OfficerPrincipal p = (OfficerPrincipal) authentication.getPrincipal();
            boolean enrolled = officers.hasSecondFactor(p.username());
            String pending = enrolled ? PENDING_CODE : PENDING_ENROLMENT;
            save(request, response, UsernamePasswordAuthenticationToken.authenticated(p, null,
                    List.of(new SimpleGrantedAuthority(pending))));
            response.sendRedirect(request.getContextPath() + (enrolled ? "/login/code" : "/login/enrol"));
        };
    }

    /** After an accepted code: the officer's roles, and a new session id. */
    public static void complete(HttpServletRequest request, HttpServletResponse response, OfficerPrincipal p) {
        request.changeSessionId();
        save(request, response, UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    /**
     * Where an officer lands once signed in: the console page they asked for before being sent to sign in (kept by
     * Spring Security's request cache through the password and the code), or the console's home. Only a GET of a
     * same-site path under {@code /console} is followed — never another host, a scheme-relative {@code //} path,
     * a back-slash or encoded trick, or a page of the sign-in itself — so the redirect cannot be turned into an
     * open redirect. The saved request is used once.
     */
    public static String landing(HttpServletRequest request, HttpServletResponse response) {
        var cache = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        var saved = cache.getRequest(request, response);
        cache.removeRequest(request, response);
        if (saved instanceof org.springframework.security.web.savedrequest.DefaultSavedRequest d
                && "GET".equals(d.getMethod())) {
            String context = request.getContextPath();
            String uri = d.getRequestURI();
            if (uri != null && uri.startsWith(context)) {
                String path = uri.substring(context.length());
                String query = d.getQueryString();
                if (safeConsolePath(path) && (query == null || SAFE_QUERY.matcher(query).matches())) {
                    return path + (query == null || query.isEmpty() ? "" : "?" + query);
                }
            }
        }
        return "/console";
    }

    private static final java.util.regex.Pattern SAFE_PATH =
            java.util.regex.Pattern.compile("/console(/[A-Za-z0-9._~-]+)*/?");
    private static final java.util.regex.Pattern SAFE_QUERY =
            java.util.regex.Pattern.compile("[A-Za-z0-9._~%&=+,-]{0,2000}");

    static boolean safeConsolePath(String path) {
        return path != null && SAFE_PATH.matcher(path).matches() && !path.contains("..");
    }

    public static boolean isPending(Authentication auth, String which) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> which.equals(a.getAuthority()));
    }

    private static void save(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        SESSIONS.saveContext(context, request, response);
    }

    /**
     * API requests of officers (HTTP Basic) must carry a current one-time code as well. A wrong code (one given, not
     * a missing header) counts toward the lock like a wrong code on the console; a right one resets the count.
     */
    static final class ApiFilter extends OncePerRequestFilter {

        private final Officers officers;
        private final SignInGuard guard;

        ApiFilter(Officers officers, SignInGuard guard) {
            this.officers = officers;
            this.guard = guard;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof OfficerPrincipal p) {
                String code = request.getHeader(API_HEADER);
                Officers.ApiCode checked = officers.apiCode(p.username(), code);
                if (checked.accepted()) {
                    if (checked.failedBefore()) {
                        guard.codeAccepted(p.username());
                    }
                    chain.doFilter(request, response);
                    return;
                }
                if (code != null && !code.isBlank() && officers.hasSecondFactor(p.username())) {
                    guard.codeFailed(p.username());
                }
                SecurityContextHolder.clearContext();
                response.setHeader("WWW-Authenticate", "Basic realm=\"legion\"");
                legion.shared.JsonBodies.writeProblem(response, 401, "Unauthorized",
                        "A current one-time code is required in the " + API_HEADER + " header.");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
