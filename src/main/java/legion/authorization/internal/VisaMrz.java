package legion.authorization.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Builds the MRZ of an MRV-B visa (ICAO Doc 9303 part 7) as a seal stores it: the 36 characters of the first
 * line, a newline, and the first 28 characters of the second line (the optional data element is not sealed).
 */
public final class VisaMrz {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
    private static final int LINE = 36;

    private VisaMrz() {
    }

    /**
     * @param documentCode   second character of the document code, {@code <} or a letter
     * @param issuingState   three-letter code of the issuing state
     * @param surname        as written, any script
     * @param givenNames     as written, any script; may be empty
     * @param visaNumber     the visa (authorization) number, 1-9 MRZ characters
     * @param nationality    three-letter nationality code
     * @param sex            {@code M}, {@code F} or {@code X} (written {@code <})
     */
    public static String mrvB(char documentCode, String issuingState, String surname, String givenNames,
                              String visaNumber, String nationality, LocalDate dateOfBirth, char sex,
                              LocalDate expiry) {
        return mrvB(documentCode, issuingState, surname, givenNames, "", visaNumber, nationality, dateOfBirth, sex,
                expiry);
    }

    /** As above; {@code nationalityAlpha2} picks national variants of the transliteration (see {@link MrzNames}). */
    public static String mrvB(char documentCode, String issuingState, String surname, String givenNames,
                              String nationalityAlpha2, String visaNumber, String nationality, LocalDate dateOfBirth,
                              char sex, LocalDate expiry) {
        String line1 = "V" + documentCode + state(issuingState)
                + MrzNames.nameField(surname, givenNames, nationalityAlpha2, LINE - 5);
        if (visaNumber.isEmpty() || visaNumber.length() > 9 || !C40.isEncodable(visaNumber)) {
            throw new IllegalArgumentException("visa number must be 1 to 9 MRZ characters");
        }
        String number = visaNumber + "<".repeat(9 - visaNumber.length());
        String birth = YYMMDD.format(dateOfBirth);
        String until = YYMMDD.format(expiry);
        String line2 = number + checkDigit(number) + state(nationality) + birth + checkDigit(birth) + sex(sex)
                + until + checkDigit(until);
        return line1 + "\n" + line2;
    }

    /** ICAO check digit: weights 7, 3, 1; digits count as themselves, A-Z as 10-35, the filler as 0. */
    public static char checkDigit(String field) {
        int sum = 0;
        int[] weights = {7, 3, 1};
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int value = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
            sum += value * weights[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    /**
     * The three-letter MRZ code of an ISO 3166-1 alpha-2 country: its alpha-3 code, except Germany ({@code D}) and
     * Kosovo ({@code RKS}) as ICAO Doc 9303 part 3 lists them.
     */
    public static String stateCode(String alpha2) {
        String code = alpha2.toUpperCase(Locale.ROOT);
        if (code.equals("DE")) {
            return "D<<";
        }
        if (code.equals("XK")) {
            return "RKS";
        }
        try {
            String alpha3 = new Locale("", code).getISO3Country();
            if (code.length() == 2 && alpha3.length() == 3) {
                return alpha3;
            }
        } catch (java.util.MissingResourceException e) {
            // fall through
        }
        throw new IllegalArgumentException("unknown country code");
    }

    private static String state(String code) {
        String padded = code.toUpperCase(Locale.ROOT) + "<".repeat(Math.max(0, 3 - code.length()));
        if (padded.length() != 3 || !C40.isEncodable(padded)) {
            throw new IllegalArgumentException("state codes are three MRZ characters");
        }
        return padded;
    }

    private static char sex(char sex) {
        return switch (sex) {
            case 'M', 'F' -> sex;
            case 'X', '<' -> '<';
            default -> throw new IllegalArgumentException("sex must be M, F or X");
        };
    }
}
