package legion.outbox;

import java.time.Instant;

/** What administrators see of a queued message: never its recipient or text. */
public record OutboxEntry(long id, String kind, String language, OutboxStatus status, int attempts, Instant createdAt,
                          Instant nextAttemptAt, Instant sentAt, String lastError) {
}
