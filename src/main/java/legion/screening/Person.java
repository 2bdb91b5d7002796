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
 * @param birth       what is known of the date of birth (the exact day, or only a year), or {@code null}; derived from
 *                    {@code dateOfBirth} when only that is given
 */
public record Person(String fullName, List<String> otherNames, LocalDate dateOfBirth, String nationality,
                     String gender, BirthDate birth) {

    public Person {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("fullName is required");
        }
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
        if (birth == null && dateOfBirth != null) {
            birth = BirthDate.ofDay(dateOfBirth);
        }
        if (dateOfBirth == null && birth != null) {
            dateOfBirth = birth.day();
        }
    }

    public Person(String fullName, List<String> otherNames, LocalDate dateOfBirth, String nationality, String gender) {
        this(fullName, otherNames, dateOfBirth, nationality, gender, null);
    }

    /** A person of whom only part of the date of birth may be known (a year, as extracts often give). */
    public static Person withBirth(String fullName, BirthDate birth, String nationality, String gender) {
        return new Person(fullName, List.of(), null, nationality, gender, birth);
    }

    public Person(String fullName, LocalDate dateOfBirth, String nationality, String gender) {
        this(fullName, List.of(), dateOfBirth, nationality, gender);
    }
}
