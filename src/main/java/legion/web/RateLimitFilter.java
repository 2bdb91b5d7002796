package legion.web;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import legion.shared.RateLimiter;

/**
 * Rate limits on the public, unauthenticated endpoints (intake, status look-up, seal verification, portal forms,
 * login): a token bucket
 * per client address and one for the whole node (bucket4j). Over the limit: {@code 429} with {@code Retry-After},
 * before anything is read or stored. Limits are per node; behind a proxy set
 * {@code server.forward-headers-strategy=native} so the client address is the real one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter extends OncePerRequestFilter {

    private final boolean enabled;
    private final RateLimiter clients;
    private final Bucket global;

    RateLimitFilter(@Value("${legion.rate-limit.enabled:true}") boolean enabled,
                    @Value("${legion.rate-limit.per-client-per-minute:120}") long perClient,
                    @Value("${legion.rate-limit.per-client-burst:30}") long perClientBurst,
                    @Value("${legion.rate-limit.global-per-second:3000}") long globalPerSecond,
                    org.springframework.beans.factory.ObjectProvider<java.time.Clock> clocks) {
        this.enabled = enabled;
        java.time.Clock clock = clocks.getIfAvailable();
        this.clients = new RateLimiter(perClient, perClientBurst, clock);
        this.global = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(globalPerSecond).refillGreedy(globalPerSecond, Duration.ofSeconds(1)).build())
                .withCustomTimePrecision(clock == null ? io.github.bucket4j.TimeMeter.SYSTEM_NANOTIME : RateLimiter.timeOf(clock))
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!enabled || !"POST".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI();
        return !(path.equals("/api/v1/enlistments") || path.equals("/api/v1/enlistments/status")
                || path.equals("/api/v1/authorizations/verify")
                || path.startsWith("/apply") || path.startsWith("/status") || path.startsWith("/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong wait = clients.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            RateLimiter.tooMany(response, wait.getAsLong(), "Too many requests from your address.");
            return;
        }
        ConsumptionProbe all = global.tryConsumeAndReturnRemaining(1);
        if (!all.isConsumed()) {
            RateLimiter.tooMany(response, all.getNanosToWaitForRefill(), "The service is very busy.");
            return;
        }
        chain.doFilter(request, response);
    }
}
