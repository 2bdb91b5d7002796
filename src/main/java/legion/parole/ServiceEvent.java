package legion.parole;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing that happened in service, as recorded: which, on which day, by whom and when, and the details (personal
 * data, encrypted at rest; shown only to the unit's supervisor and HQ). A new offence names the offence in the first
 * notation.
 */
public record ServiceEvent(int sequence, ServiceEventKind kind, LocalDate occurredOn, Instant recordedAt,
                           String actor, String actorRole, String offence, String details) {

    public static final int MAX_DETAILS = 2000;

    public ServiceEvent {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(occurredOn);
        Objects.requireNonNull(recordedAt);
        details = details == null || details.isBlank() ? null : details.strip();
    }
}
