package legion.arms.register;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person who receives weapons. Stored encrypted field by field; found again by the blind index of the identity
 * document number (normalised like serials, so {@code КВ123456} and {@code KB123456} are one document).
 */
public record Holder(String id, String surname, String givenNames, String patronymic, LocalDate dateOfBirth,
                     String documentNumber, String address, String phone, LegalStatus legalStatus) {

    public Holder {
        Objects.requireNonNull(id);
        required(surname, "surname");
        required(givenNames, "givenNames");
        required(documentNumber, "documentNumber");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth is required");
        Objects.requireNonNull(legalStatus, "legalStatus is required");
    }

    private static void required(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** The age in whole years on a day. */
    public int ageOn(LocalDate day) {
        return java.time.Period.between(dateOfBirth, day).getYears();
    }
}
