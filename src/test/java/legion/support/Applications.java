package legion.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Valid application bodies for tests, with a fresh passport number each time. */
public final class Applications {

    private Applications() {
    }

    public static Map<String, Object> valid() {
        return valid("Arthur Philip", "Dent", "GB");
    }

    public static Map<String, Object> valid(String givenNames, String surname, String country) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("givenNames", givenNames);
        m.put("surname", surname);
        m.put("dateOfBirth", "1982-03-11");
        m.put("sex", "M");
        m.put("nationality", country);
        m.put("countryOfResidence", country);
        m.put("passport", new LinkedHashMap<>(Map.of("number", passportNumber(), "issuingCountry", country,
                "expiryDate", LocalDate.now().plusYears(5).toString())));
        m.put("email", "arthur@example.org");
        m.put("phone", "+441234567890");
        m.put("languages", List.of("en"));
        m.put("role", "INFANTRY");
        m.put("militaryExperience", Map.of("years", 4, "branch", "Army", "combatDeployments", 1));
        m.put("criminalRecord", false);
        m.put("homeCountryLawAcknowledged", true);
        return m;
    }

    public static String passportNumber() {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return sb.toString();
    }
}
