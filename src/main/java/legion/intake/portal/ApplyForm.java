package legion.intake.portal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The portal's application form as typed (all text), turned into the same JSON tree the REST API receives so that
 * both are validated by one validator with the same messages. Never an entity.
 */
public record ApplyForm(String givenNames, String surname, String dobDay, String dobMonth, String dobYear,
                        String sex, String nationality, String countryOfResidence, String passportNumber,
                        String passportIssuingCountry, String expiryDay, String expiryMonth, String expiryYear,
                        String email, String phone, String languages, String role, String hasExperience,
                        String years, String branch, String combatDeployments, String criminalRecord,
                        String homeCountryLawAcknowledged, String idempotencyKey) implements java.io.Serializable {

    /** Which input an error on a JSON field points at (for the error summary's links). */
    static final Map<String, String> INPUT_OF = Map.ofEntries(
            Map.entry("dateOfBirth", "dobDay"), Map.entry("passport", "passportNumber"),
            Map.entry("passport.number", "passportNumber"), Map.entry("passport.issuingCountry", "passportIssuingCountry"),
            Map.entry("passport.expiryDate", "expiryDay"), Map.entry("militaryExperience", "hasExperience"),
            Map.entry("militaryExperience.years", "years"), Map.entry("militaryExperience.branch", "branch"),
            Map.entry("militaryExperience.combatDeployments", "combatDeployments"));

    static ApplyForm empty() {
        return new ApplyForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * These answers with those a page posted: a field the request names replaces the one kept, any other stays
     * (each page posts only its own questions). Unknown parameters are ignored.
     */
    ApplyForm merge(Map<String, String[]> posted) {
        var components = ApplyForm.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = String.class;
            String[] given = posted.get(components[i].getName());
            try {
                values[i] = given != null && given.length > 0 ? given[0] : components[i].getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return ApplyForm.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    ApplyForm withIdempotencyKey(String key) {
        return new ApplyForm(givenNames, surname, dobDay, dobMonth, dobYear, sex, nationality, countryOfResidence,
                passportNumber, passportIssuingCountry, expiryDay, expiryMonth, expiryYear, email, phone, languages,
                role, hasExperience, years, branch, combatDeployments, criminalRecord, homeCountryLawAcknowledged, key);
    }

    /** The same answers with the acknowledgement of the home-country advisory set as given. */
    ApplyForm withAcknowledgement(String acknowledged) {
        return new ApplyForm(givenNames, surname, dobDay, dobMonth, dobYear, sex, nationality, countryOfResidence,
                passportNumber, passportIssuingCountry, expiryDay, expiryMonth, expiryYear, email, phone, languages,
                role, hasExperience, years, branch, combatDeployments, criminalRecord, acknowledged, idempotencyKey);
    }

    /** The request as the API would receive it. Blank optional fields are left out. */
    ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        put(root, "givenNames", givenNames);
        put(root, "surname", surname);
        put(root, "dateOfBirth", date(dobYear, dobMonth, dobDay));
        put(root, "sex", sex);
        put(root, "nationality", nationality);
        put(root, "countryOfResidence", countryOfResidence);
        ObjectNode passport = root.putObject("passport");
        put(passport, "number", normalisedPassportNumber());
        put(passport, "issuingCountry", passportIssuingCountry);
        put(passport, "expiryDate", date(expiryYear, expiryMonth, expiryDay));
        put(root, "email", email == null ? null : email.strip());
        put(root, "phone", phone == null || phone.isBlank() ? null : phone.replaceAll("[\\s()-]", ""));
        if (languages != null && !languages.isBlank()) {
            var list = root.putArray("languages");
            Arrays.stream(languages.split("[,\\s]+")).filter(s -> !s.isBlank())
                    .forEach(s -> list.add(s.toLowerCase(java.util.Locale.ROOT)));
        }
        put(root, "role", role);
        if ("yes".equals(hasExperience)) {
            ObjectNode m = root.putObject("militaryExperience");
            number(m, "years", years);
            put(m, "branch", branch);
            number(m, "combatDeployments", combatDeployments);
        } else if (hasExperience == null || hasExperience.isBlank()) {
            root.putNull("militaryExperience");
        }
        bool(root, "criminalRecord", criminalRecord);
        root.put("homeCountryLawAcknowledged", "true".equals(homeCountryLawAcknowledged));
        return root;
    }

    /**
     * Every field by name, to carry the answers through the "check your answers" page in hidden inputs; except the
     * acknowledgement, which is asked on that page, under the advisory it acknowledges.
     */
    Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        var components = ApplyForm.class.getRecordComponents();
        for (var c : components) {
            try {
                Object v = c.getAccessor().invoke(this);
                if (!c.getName().equals("homeCountryLawAcknowledged")) {
                    m.put(c.getName(), v == null ? "" : v.toString());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    /** The passport number as the MRZ writes it: capitals, without the spaces or dashes people type in it. */
    String normalisedPassportNumber() {
        return passportNumber == null ? null
                : passportNumber.replaceAll("[\\s\\-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    List<String> languageList() {
        return languages == null ? List.of() : Arrays.stream(languages.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(name, value);
        }
    }

    private static void number(ObjectNode node, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            node.put(name, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            node.put(name, value);
        }
    }

    private static void bool(ObjectNode node, String name, String value) {
        if ("true".equals(value) || "false".equals(value)) {
            node.put(name, Boolean.parseBoolean(value));
        }
    }

    private static String date(String year, String month, String day) {
        if (blank(year) && blank(month) && blank(day)) {
            return null;
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
    }

    private static String pad(String s, int width) {
        String v = s == null ? "" : s.strip();
        if (!v.matches("\\d{1," + width + "}")) {
            return v.isEmpty() ? "?" : v;
        }
        return "0".repeat(width - v.length()) + v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
