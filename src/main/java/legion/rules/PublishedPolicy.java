package legion.rules;

import java.time.Instant;

/** A published policy version with who published it and when its re-evaluation of open subjects finished. */
public record PublishedPolicy<S, P>(PolicyVersion<S, P> policy, Instant publishedAt, String publishedBy, String note,
                                    Instant reevaluatedAt) {

    public int version() {
        return policy.version();
    }

    public P parameters() {
        return policy.parameters();
    }
}
