package legion.screening;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** {@code 1965}, {@code 1969-07}, {@code 1969-7}, {@code 1969-07-16}, {@code 1969-7-16}. */
    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    /**
     * A date of birth as people and watchlist extracts write it: a full date, a year and month, or a year, months and
     * days with or without a leading zero. Empty for anything that is no date ({@code 1974-01-32}, {@code 1974-13},
     * {@code 31.12.1974}, text): the caller counts it as unknown. A year-month is kept as its year (screening compares
     * years and exact days only).
     */
    public static Optional<BirthDate> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        Matcher m = WRITTEN.matcher(written.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(3) != null) {
                return Optional.of(ofDay(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
            }
            if (m.group(2) != null) {
                YearMonth.of(year, Integer.parseInt(m.group(2))); // checks the month
            }
            return Optional.of(ofYears(year, year));
        } catch (DateTimeException e) {
            return Optional.empty();
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
