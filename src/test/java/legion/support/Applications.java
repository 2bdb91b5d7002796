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

    /** A valid application as the portal's form posts it (every answer as typed text), acknowledgement given. */
    public static Map<String, String> portalForm() {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("givenNames", "Arthur Philip");
        form.put("surname", "Dent");
        form.put("dobDay", "11");
        form.put("dobMonth", "3");
        form.put("dobYear", "1982");
        form.put("sex", "M");
        form.put("nationality", "GB");
        form.put("countryOfResidence", "GB");
        form.put("passportNumber", "1234567XY");
        form.put("passportIssuingCountry", "GB");
        form.put("expiryDay", "1");
        form.put("expiryMonth", "1");
        form.put("expiryYear", "2035");
        form.put("email", "arthur@example.org");
        form.put("role", "INFANTRY");
        form.put("hasExperience", "yes");
        form.put("years", "4");
        form.put("branch", "Army");
        form.put("combatDeployments", "1");
        form.put("criminalRecord", "false");
        form.put("homeCountryLawAcknowledged", "true");
        return form;
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
