package legion.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

/**
 * Rate limits on the public, unauthenticated endpoints (intake, status look-up, portal forms, login): a token bucket
 * per client address and one for the whole node (bucket4j). Over the limit: {@code 429} with {@code Retry-After},
 * before anything is read or stored. Limits are per node; behind a proxy set
 * {@code server.forward-headers-strategy=native} so the client address is the real one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_CLIENTS = 100_000;

    private final boolean enabled;
    private final long perClient;
    private final long perClientBurst;
    private final Bucket global;
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();

    RateLimitFilter(@Value("${legion.rate-limit.enabled:true}") boolean enabled,
                    @Value("${legion.rate-limit.per-client-per-minute:120}") long perClient,
                    @Value("${legion.rate-limit.per-client-burst:30}") long perClientBurst,
                    @Value("${legion.rate-limit.global-per-second:3000}") long globalPerSecond) {
        this.enabled = enabled;
        this.perClient = perClient;
        this.perClientBurst = perClientBurst;
        this.global = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(globalPerSecond).refillGreedy(globalPerSecond, Duration.ofSeconds(1)).build())
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!enabled || !"POST".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI();
        return !(path.equals("/api/v1/enlistments") || path.equals("/api/v1/enlistments/status")
                || path.startsWith("/apply") || path.startsWith("/status") || path.startsWith("/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (clients.size() > MAX_CLIENTS) {
            clients.clear();
        }
        Bucket client = clients.computeIfAbsent(request.getRemoteAddr(), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perClientBurst)
                        .refillGreedy(perClient, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = client.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            tooMany(response, probe.getNanosToWaitForRefill(), "Too many requests from your address.");
            return;
        }
        ConsumptionProbe all = global.tryConsumeAndReturnRemaining(1);
        if (!all.isConsumed()) {
            tooMany(response, all.getNanosToWaitForRefill(), "The service is very busy.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void tooMany(HttpServletResponse response, long nanos, String detail) throws IOException {
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", Long.toString(seconds));
        legion.shared.JsonBodies.writeProblem(response, 429, "Too many requests",
                detail + " Try again in " + seconds + " s.");
    }
}
