package legion.arms.reconcile;

/**
 * One paper-journal entry as transcribed.
 *
 * @param row    data row in the journal file, from 1
 * @param serial the serial as written (never empty)
 * @param make   the make as written, possibly empty (then any make is considered)
 * @param person the person the journal gives the weapon to
 */
public record JournalEntry(int row, String serial, String make, Person person) {
}
