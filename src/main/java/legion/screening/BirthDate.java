package legion.screening;

import java.time.LocalDate;

/**
 * A date of birth as watchlists state it: an exact day, a year, or a range of years ("circa 1960", "1960 to 1962").
 *
 * @param fromYear first possible year
 * @param toYear   last possible year (equal to {@code fromYear} for a single year)
 * @param day      the exact day when known, otherwise {@code null}
 */
public record BirthDate(int fromYear, int toYear, LocalDate day) {

    public BirthDate {
        if (toYear < fromYear) {
            throw new IllegalArgumentException("toYear before fromYear");
        }
    }

    public static BirthDate ofDay(LocalDate day) {
        return new BirthDate(day.getYear(), day.getYear(), day);
    }

    public static BirthDate ofYears(int from, int to) {
        return new BirthDate(from, to, null);
    }

    public boolean coversYear(int year) {
        return year >= fromYear && year <= toYear;
    }
}
