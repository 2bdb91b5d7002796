package legion.enlistment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import legion.shared.ServiceRole;

/**
 * What the volunteer told us, exactly as given (names in any script). Validated by intake before it gets here.
 */
public record Applicant(
        String givenNames, String surname, LocalDate dateOfBirth, String sex,
        String nationality, String countryOfResidence,
        Passport passport, String email, String phone, List<String> languages,
        ServiceRole role, MilitaryExperience militaryExperience,
        boolean criminalRecord, boolean homeCountryLawAcknowledged) {

    public Applicant {
        Objects.requireNonNull(givenNames);
        Objects.requireNonNull(surname);
        Objects.requireNonNull(dateOfBirth);
        Objects.requireNonNull(passport);
        Objects.requireNonNull(role);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Whether the personal data was erased (retention or the volunteer's request); only statistics remain. */
    public boolean erased() {
        return givenNames.isEmpty() && surname.isEmpty() && passport.number().isEmpty();
    }

    /** What is left of an applicant after erasure: country codes and role, nothing that identifies anyone. */
    static Applicant erased(String nationality, String residence, String passportCountry, LocalDate passportExpiry,
                            ServiceRole role) {
        return new Applicant("", "", LocalDate.of(1900, 1, 1), "X", nationality, residence,
                new Passport("", passportCountry, passportExpiry), "", null, List.of(), role, null, false, true);
    }

    public record Passport(String number, String issuingCountry, LocalDate expiryDate) {
    }

    public record MilitaryExperience(int years, String branch, int combatDeployments) {
    }
}
