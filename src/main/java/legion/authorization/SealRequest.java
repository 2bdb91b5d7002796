package legion.authorization;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a travel authorization is issued for: the volunteer's passport data as stored at intake (names in any
 * script, countries as ISO 3166-1 alpha-2) and the validity decided at approval.
 *
 * @param surname            as written, 1-100 characters, any script
 * @param givenNames         as written, may be empty
 * @param sex                {@code M}, {@code F} or {@code X}
 * @param nationality        ISO 3166-1 alpha-2
 * @param passportNumber     1-9 of {@code A-Z0-9}
 * @param validFrom          first day of validity (printed on the letter; the seal carries the expiry only)
 * @param validUntil         date of expiry, written into the MRZ
 * @param durationOfStayDays allowed stay in days, 0-255
 * @param numberOfEntries    allowed entries, 1-255 (0 means unlimited in the standard; not issued here)
 */
public record SealRequest(String surname, String givenNames, LocalDate dateOfBirth, char sex, String nationality,
                          String passportNumber, LocalDate validFrom, LocalDate validUntil, int durationOfStayDays,
                          int numberOfEntries) {

    public SealRequest {
        Objects.requireNonNull(surname, "surname");
        givenNames = givenNames == null ? "" : givenNames;
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(passportNumber, "passportNumber");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!passportNumber.matches("[A-Z0-9]{1,9}")) {
            throw new IllegalArgumentException("passport number must be 1 to 9 of A-Z 0-9");
        }
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validity ends before it starts");
        }
        if (durationOfStayDays < 0 || durationOfStayDays > 255 || numberOfEntries < 1 || numberOfEntries > 255) {
            throw new IllegalArgumentException("duration of stay is 0-255 days, number of entries 1-255");
        }
        if (sex != 'M' && sex != 'F' && sex != 'X') {
            throw new IllegalArgumentException("sex must be M, F or X");
        }
    }

    /** A single-entry authorization, the usual case. */
    public static SealRequest singleEntry(String surname, String givenNames, LocalDate dateOfBirth, char sex,
                                          String nationality, String passportNumber, LocalDate validFrom,
                                          LocalDate validUntil, int durationOfStayDays) {
        return new SealRequest(surname, givenNames, dateOfBirth, sex, nationality, passportNumber, validFrom,
                validUntil, durationOfStayDays, 1);
    }

    @Override
    public String toString() {
        return "SealRequest[personal data withheld]";
    }
}
