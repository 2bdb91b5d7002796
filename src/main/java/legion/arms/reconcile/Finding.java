package legion.arms.reconcile;

/**
 * What the register says about one journal entry.
 *
 * @param journalRow     data row of the journal, from 1
 * @param kind           the finding
 * @param registerSerial the register's serial as the register writes it, {@code ""} for {@link Kind#UNKNOWN_SERIAL}
 * @param score          how well the journal's person matches that serial's holder, 0..1 (0 when unknown)
 */
public record Finding(int journalRow, Kind kind, String registerSerial, double score) {

    /** The four findings of the {@code arms-reconcile} contract. */
    public enum Kind {
        /** The serial (normalised, same make) is in the register and the journal's person is its holder. */
        MATCHED,
        /** The serial is not in the register, but one at most two edits away has this person as its holder. */
        SERIAL_CORRECTED,
        /** The serial is in the register, but the journal gives it to another person. */
        OTHER_HOLDER,
        /** None of these. */
        UNKNOWN_SERIAL
    }
}
