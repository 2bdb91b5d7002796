package legion.authorization;

import java.time.LocalDate;

/**
 * The message zone of a visa seal (ICAO Doc 9303-13, visa profile): the machine readable zone of an MRV-A or
 * MRV-B visa without its optional data, number of entries, duration of stay and passport number.
 *
 * @param mrz             both MRZ lines joined by a newline; the second line holds its first 28 characters
 * @param type            which visa format the MRZ follows
 * @param numberOfEntries number of entries, {@code null} when the seal does not state it (0 means unlimited)
 * @param durationOfStay  duration of stay, {@code null} when not stated
 * @param passportNumber  number of the passport the visa belongs to, without fillers
 */
public record VisaContent(String mrz, MrzType type, Integer numberOfEntries, DurationOfStay durationOfStay,
                          String passportNumber) {

    /** The two visa MRZ formats, with their line length and their tag in the message zone. */
    public enum MrzType {
        MRV_A(44, 0x01), MRV_B(36, 0x02);

        public final int lineLength;
        public final int tag;

        MrzType(int lineLength, int tag) {
            this.lineLength = lineLength;
            this.tag = tag;
        }

        /** Characters stored in a seal: the first line and 28 characters of the second. */
        public int sealLength() {
            return lineLength + 28;
        }
    }

    public String firstLine() {
        return mrz.substring(0, type.lineLength);
    }

    public String secondLine() {
        return mrz.substring(type.lineLength + 1);
    }

    /** The visa number of the MRZ; for seals this system issues it is the authorization number. */
    public String documentNumber() {
        return stripFillers(secondLine().substring(0, 9));
    }

    /** The holder's name field of the MRZ, e.g. {@code DENT<<ARTHUR<PHILIP}. */
    public String nameField() {
        String field = firstLine().substring(5);
        int end = field.length();
        while (end > 0 && field.charAt(end - 1) == '<') {
            end--;
        }
        return field.substring(0, end);
    }

    public String issuingState() {
        return firstLine().substring(2, 5);
    }

    public String nationality() {
        return secondLine().substring(10, 13);
    }

    /** Date of expiry of the visa (positions 22-27 of the second line, always in this century). */
    public LocalDate expiryDate() {
        String yymmdd = secondLine().substring(21, 27);
        return LocalDate.of(2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
    }

    private static String stripFillers(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '<') {
            end--;
        }
        return value.substring(0, end);
    }
}
