package legion.access;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import legion.shared.RateLimiter;

/**
 * Rate limits on the officers' API (every {@code /api/**} route the public does not use): one filter per client
 * address, placed before authentication (so guessing passwords or codes is slowed whatever the account), and one per
 * signed-in account, placed after the one-time code is checked (so a stranger who knows only a user name cannot use
 * up that officer's allowance). Over the limit: {@code 429} with {@code Retry-After}.
 */
final class OfficerApiLimits extends OncePerRequestFilter {

    private static final String PREFIX = "legion.rate-limit.officer-api.";

    private final String which;
    private final boolean enabled;
    private final RateLimiter limiter;
    private final Function<HttpServletRequest, String> key;
    private final String detail;

    private OfficerApiLimits(Environment env, String which, Function<HttpServletRequest, String> key, String detail) {
        this.which = which;
        this.enabled = env.getProperty("legion.rate-limit.enabled", Boolean.class, true);
        this.limiter = new RateLimiter(env.getProperty(PREFIX + which + "-per-minute", Long.class, 600L),
                env.getProperty(PREFIX + which + "-burst", Long.class, 120L));
        this.key = key;
        this.detail = detail;
    }

    /** {@code legion.rate-limit.officer-api.per-client-per-minute} (600) and {@code …per-client-burst} (120). */
    static OfficerApiLimits perClient(Environment env) {
        return new OfficerApiLimits(env, "per-client", HttpServletRequest::getRemoteAddr,
                "Too many requests from your address.");
    }

    /** {@code legion.rate-limit.officer-api.per-account-per-minute} (600) and {@code …per-account-burst} (120). */
    static OfficerApiLimits perAccount(Environment env) {
        return new OfficerApiLimits(env, "per-account", request -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth != null && auth.getPrincipal() instanceof OfficerPrincipal p ? p.username() : null;
        }, "Too many requests for this account.");
    }

    /** Two instances in one chain: each must run once, not the second skipped as "already filtered". */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return OfficerApiLimits.class.getName() + "." + which + ".FILTERED";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || PublicApi.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String k = key.apply(request);
        OptionalLong wait = k == null ? OptionalLong.empty() : limiter.take(k);
        if (wait.isPresent()) {
            RateLimiter.tooMany(response, wait.getAsLong(), detail);
            return;
        }
        chain.doFilter(request, response);
    }
}
