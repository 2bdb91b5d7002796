package legion.arms.register;

import java.time.Instant;

/**
 * One line of a weapon's custody history; never changed once written (the database refuses it).
 *
 * @param seq        position in the register's history (0 until stored)
 * @param point      the point where it happened (the stock point, the issuing point, where returned …), may be null
 * @param holderId   the holder involved (issued, returned), may be null
 * @param occurredAt for a found weapon, when it was found; else null
 * @param late       a found weapon declared more than 24 hours after it was found
 * @param corrects   the entry a correction corrects, else null
 */
public record CustodyEntry(long seq, CustodyEvent event, Instant at, String actor, String actorRole, String point,
                           String holderId, String issueNumber, Integer rounds, Integer magazines,
                           WeaponStatus statusAfter, Instant occurredAt, boolean late, Long corrects, String note) {
}
