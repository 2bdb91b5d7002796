package legion.outbox;

/**
 * Where a queued message stands.
 *
 * <pre>
 * QUEUED ─claim→ SENDING ─sent→ SENT
 *                SENDING ─refused by the server→ QUEUED (later, with back-off) … → FAILED (after the last attempt)
 *                SENDING ─claim expired (the node died while sending)→ UNCERTAIN
 * FAILED, UNCERTAIN ─resend (administrator)→ QUEUED
 * </pre>
 * A message whose sending may have happened ({@code UNCERTAIN}) is never sent again by itself: an administrator decides.
 */
public enum OutboxStatus {
    QUEUED, SENDING, SENT, FAILED, UNCERTAIN
}
