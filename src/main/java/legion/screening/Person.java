package legion.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * A person to screen.
 *
 * @param fullName    the name as written, any script
 * @param otherNames  other names the person uses or used (may be empty)
 * @param dateOfBirth the date of birth, or {@code null}
 * @param nationality ISO 3166-1 alpha-2 code or country name, or {@code null}
 * @param gender      "male"/"female" (or M/F), or {@code null}
 */
public record Person(String fullName, List<String> otherNames, LocalDate dateOfBirth, String nationality,
                     String gender) {

    public Person {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("fullName is required");
        }
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
    }

    public Person(String fullName, LocalDate dateOfBirth, String nationality, String gender) {
        this(fullName, List.of(), dateOfBirth, nationality, gender);
    }
}
