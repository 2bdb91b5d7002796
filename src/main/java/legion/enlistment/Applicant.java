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

    public record Passport(String number, String issuingCountry, LocalDate expiryDate) {
    }

    public record MilitaryExperience(int years, String branch, int combatDeployments) {
    }
}
