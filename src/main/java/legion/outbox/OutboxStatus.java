package legion.outbox;

/**
 * Where a queued message stands.
 *
 * <pre>
 * QUEUED ─claim (a batch)→ CLAIMED ─its turn→ SENDING ─sent→ SENT
 *                          CLAIMED ─claim expired (the node died before trying it)→ QUEUED
 *                                             SENDING ─refused by the server→ QUEUED (later, with back-off) … → FAILED
 *                                             SENDING ─claim expired (the node died while sending it)→ UNCERTAIN
 * FAILED, UNCERTAIN ─resend (administrator)→ QUEUED
 * </pre>
 * A message whose sending may have happened ({@code UNCERTAIN}) is never sent again by itself: an administrator decides.
 * A node that dies leaves at most one such message: the one it was sending; the rest of its batch was never tried.
 */
public enum OutboxStatus {
    QUEUED, CLAIMED, SENDING, SENT, FAILED, UNCERTAIN
}
