package legion.eligibility;

import java.time.Instant;

/** A published policy version with who published it and when its re-evaluation of open cases finished. */
public record PublishedPolicy(EligibilityPolicy policy, Instant publishedAt, String publishedBy, String note,
                              Instant reevaluatedAt) {

    public int version() {
        return policy.version();
    }

    static PublishedPolicy of(legion.rules.PublishedPolicy<?, PolicyParameters> p) {
        return new PublishedPolicy(new EligibilityPolicy(p.version(), p.parameters()), p.publishedAt(),
                p.publishedBy(), p.note(), p.reevaluatedAt());
    }
}
