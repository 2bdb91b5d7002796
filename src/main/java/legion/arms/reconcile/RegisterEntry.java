package legion.arms.reconcile;

/**
 * One weapon issued, as the register holds it.
 *
 * @param row    data row in the register file, from 1
 * @param serial the serial as the register writes it
 * @param make   the make as the register writes it
 * @param holder the person it was issued to
 */
public record RegisterEntry(int row, String serial, String make, Person holder) {
}
