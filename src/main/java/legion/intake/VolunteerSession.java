package legion.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import legion.enlistment.EnlistmentId;

/**
 * Which case a volunteer has proved to be theirs in this browser session (details + emailed code), for
 * {@link #VERIFIED_FOR}. Kept server-side in the session; nothing personal travels in forms or URLs.
 */
public final class VolunteerSession {

    public static final Duration VERIFIED_FOR = Duration.ofMinutes(15);
    private static final String PENDING = "legion.volunteer.pending";
    private static final String VERIFIED = "legion.volunteer.verified";
    private static final String VERIFIED_AT = "legion.volunteer.verifiedAt";

    private VolunteerSession() {
    }

    public static void pending(HttpSession session, EnlistmentId id) {
        session.setAttribute(PENDING, id);
        session.removeAttribute(VERIFIED);
    }

    public static Optional<EnlistmentId> pending(HttpSession session) {
        return Optional.ofNullable((EnlistmentId) session.getAttribute(PENDING));
    }

    public static void verified(HttpSession session, EnlistmentId id) {
        session.removeAttribute(PENDING);
        session.setAttribute(VERIFIED, id);
        session.setAttribute(VERIFIED_AT, Instant.now());
    }

    /** The verified case, while the verification is fresh. */
    public static Optional<EnlistmentId> verified(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        EnlistmentId id = (EnlistmentId) session.getAttribute(VERIFIED);
        Instant at = (Instant) session.getAttribute(VERIFIED_AT);
        if (id == null || at == null || at.plus(VERIFIED_FOR).isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    public static void end(HttpSession session) {
        session.removeAttribute(PENDING);
        session.removeAttribute(VERIFIED);
        session.removeAttribute(VERIFIED_AT);
    }
}
