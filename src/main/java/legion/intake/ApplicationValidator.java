package legion.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import legion.eligibility.Eligibility;
import legion.enlistment.Applicant;
import legion.enlistment.Applicant.MilitaryExperience;
import legion.enlistment.Applicant.Passport;
import legion.shared.CountryCodes;
import legion.shared.ServiceRole;
import legion.shared.TextRules;
import tools.jackson.databind.JsonNode;

/**
 * Validates an application given as a JSON tree, the same for the REST API and the portal form (which builds
 * the same tree from its fields), so both give the same answers with the same messages.
 * Reports every invalid field at once; builds the {@link Applicant} only when there is none. A well-formed
 * application is then put to the eligibility policy: the rules that refuse at intake (age, passport validity,
 * excluded nationality) come back as problems naming the rule.
 */
@Component
public class ApplicationValidator {

    static final int NAME_MAX = 100;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PASSPORT_NUMBER = Pattern.compile("[A-Z0-9]{1,9}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@.]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Set<String> SEXES = Set.of("M", "F", "X");
    /**
     * How far ahead a passport may expire: ordinary passports are issued for at most 10 years (ICAO Doc 9303 leaves
     * validity to states; US, UK, Germany, Poland, Ukraine issue 10 years at most; the UK added up to 9 months left on
     * an old passport until 2018), plus a year's margin. A later date is a typing error or a forgery (ADR 0080).
     */
    static final java.time.Period PASSPORT_HORIZON = java.time.Period.ofYears(11);

    private final Clock clock;
    private final Eligibility eligibility;

    @Autowired
    public ApplicationValidator(Eligibility eligibility) {
        this(Clock.systemUTC(), eligibility);
    }

    ApplicationValidator(Clock clock, Eligibility eligibility) {
        this.clock = clock;
        this.eligibility = eligibility;
    }

    /**
     * The outcome: an applicant, or the problems (never both). A valid applicant comes with the eligibility policy's
     * judgement, which intake records with the case rather than judging it again.
     */
    public record Result(Applicant applicant, List<FieldProblem> problems, Eligibility.Judgement judgement) {

        public Result(Applicant applicant, List<FieldProblem> problems) {
            this(applicant, problems, null);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Result validate(JsonNode root) {
        List<FieldProblem> p = new ArrayList<>();
        if (root == null || !root.isObject()) {
            p.add(new FieldProblem("", "object"));
            return new Result(null, p);
        }
        LocalDate today = LocalDate.now(clock);
        String given = name(root, "givenNames", p);
        String surname = name(root, "surname", p);
        LocalDate dob = date(root.get("dateOfBirth"), "dateOfBirth", p);
        if (dob != null && !dob.isBefore(today)) {
            p.add(new FieldProblem("dateOfBirth", "past"));
        } else if (dob != null && dob.isBefore(LocalDate.of(1900, 1, 1))) {
            p.add(new FieldProblem("dateOfBirth", "range"));
        }
        String sex = text(root.get("sex"), "sex", true, 1, p);
        if (sex != null && !SEXES.contains(sex)) {
            p.add(new FieldProblem("sex", "sex"));
        }
        String nationality = country(root.get("nationality"), "nationality", p);
        String residence = country(root.get("countryOfResidence"), "countryOfResidence", p);
        Passport passport = passport(root.get("passport"), today, p);
        String email = text(root.get("email"), "email", true, 254, p);
        if (email != null && !EMAIL.matcher(email).matches()) {
            p.add(new FieldProblem("email", "email"));
        }
        String phone = text(root.get("phone"), "phone", false, 16, p);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            p.add(new FieldProblem("phone", "phone"));
        }
        List<String> languages = languages(root.get("languages"), p);
        ServiceRole role = role(root.get("role"), p);
        MilitaryExperience experience = experience(root.get("militaryExperience"), p);
        Boolean criminal = bool(root.get("criminalRecord"), "criminalRecord", p);
        Boolean acknowledged = bool(root.get("homeCountryLawAcknowledged"), "homeCountryLawAcknowledged", p);
        if (Boolean.FALSE.equals(acknowledged)) {
            p.add(new FieldProblem("homeCountryLawAcknowledged", "acknowledge"));
        }
        if (!p.isEmpty()) {
            return new Result(null, List.copyOf(p));
        }
        Applicant applicant = new Applicant(given, surname, dob, sex, nationality, residence, passport, email, phone,
                languages, role, experience, criminal, acknowledged);
        Eligibility.Judgement judgement = eligibility.judge(applicant);
        List<FieldProblem> refusals = judgement.refusals().stream()
                .map(f -> FieldProblem.refusedBy(f.rule(), f.field(), f.messageKey(), f.args()))
                .toList();
        return refusals.isEmpty() ? new Result(applicant, List.of(), judgement) : new Result(null, refusals);
    }

    private static String name(JsonNode root, String field, List<FieldProblem> p) {
        return text(root.get(field), field, true, NAME_MAX, p);
    }

    /**
     * A text field as given (not trimmed: names are stored exactly). Rejected when blank, too long (in Unicode
     * code points), or refused by {@link TextRules} (nothing visible, bidi controls, control characters, unpaired
     * surrogates, non-characters).
     */
    static String text(JsonNode node, String field, boolean required, int max, List<FieldProblem> p) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (required) {
                p.add(new FieldProblem(field, "required"));
            }
            return null;
        }
        if (!node.isString()) {
            p.add(new FieldProblem(field, "text"));
            return null;
        }
        String value = node.stringValue();
        if (value.isBlank()) {
            if (required) {
                p.add(new FieldProblem(field, "required"));
            }
            return null;
        }
        var refused = TextRules.problem(value, TextRules.Lines.ONE);
        if (refused.isPresent()) {
            p.add(new FieldProblem(field, refused.get()));
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            p.add(new FieldProblem(field, "length", null, List.of(String.valueOf(max)))); // the limit, for the message
            return null;
        }
        return value;
    }

    static LocalDate date(JsonNode node, String field, List<FieldProblem> p) {
        String value = text(node, field, true, 10, p);
        if (value == null) {
            return null;
        }
        if (!DATE.matcher(value).matches()) {
            p.add(new FieldProblem(field, "date"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            p.add(new FieldProblem(field, "date"));
            return null;
        }
    }

    private static String country(JsonNode node, String field, List<FieldProblem> p) {
        String value = text(node, field, true, 2, p);
        if (value != null && !CountryCodes.isValid(value)) {
            p.add(new FieldProblem(field, "country"));
            return null;
        }
        return value;
    }

    private static Passport passport(JsonNode node, LocalDate today, List<FieldProblem> p) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            p.add(new FieldProblem("passport", "required"));
            return null;
        }
        if (!node.isObject()) {
            p.add(new FieldProblem("passport", "object"));
            return null;
        }
        String number = text(node.get("number"), "passport.number", true, 9, p);
        if (number != null && !PASSPORT_NUMBER.matcher(number).matches()) {
            p.add(new FieldProblem("passport.number", "passportNumber"));
        }
        String issuing = country(node.get("issuingCountry"), "passport.issuingCountry", p);
        LocalDate expiry = date(node.get("expiryDate"), "passport.expiryDate", p);
        if (expiry != null && !expiry.isAfter(today)) {
            p.add(new FieldProblem("passport.expiryDate", "expired"));
        } else if (expiry != null && expiry.isAfter(today.plus(PASSPORT_HORIZON))) {
            p.add(new FieldProblem("passport.expiryDate", "range"));
        }
        return new Passport(number, issuing, expiry);
    }

    private static List<String> languages(JsonNode node, List<FieldProblem> p) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            p.add(new FieldProblem("languages", "list"));
            return List.of();
        }
        if (node.size() > 20) {
            p.add(new FieldProblem("languages", "tooMany"));
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = "languages[" + i + "]";
            if (item.isString() && LANGUAGE.matcher(item.stringValue()).matches()) {
                result.add(item.stringValue());
            } else {
                p.add(new FieldProblem(field, "language"));
            }
        }
        return List.copyOf(result);
    }

    private static ServiceRole role(JsonNode node, List<FieldProblem> p) {
        String value = text(node, "role", true, 20, p);
        if (value == null) {
            return null;
        }
        try {
            return ServiceRole.valueOf(value);
        } catch (IllegalArgumentException e) {
            p.add(new FieldProblem("role", "role"));
            return null;
        }
    }

    private static MilitaryExperience experience(JsonNode node, List<FieldProblem> p) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            p.add(new FieldProblem("militaryExperience", "object"));
            return null;
        }
        Integer years = integer(node.get("years"), "militaryExperience.years", true, 0, 60, p);
        String branch = text(node.get("branch"), "militaryExperience.branch", false, NAME_MAX, p);
        Integer deployments = integer(node.get("combatDeployments"), "militaryExperience.combatDeployments",
                false, 0, 100, p);
        if (years == null) {
            return null;
        }
        return new MilitaryExperience(years, branch, deployments == null ? 0 : deployments);
    }

    private static Integer integer(JsonNode node, String field, boolean required, int min, int max,
                                   List<FieldProblem> p) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (required) {
                p.add(new FieldProblem(field, "required"));
            }
            return null;
        }
        if (!node.isIntegralNumber()) {
            p.add(new FieldProblem(field, "integer"));
            return null;
        }
        if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            p.add(new FieldProblem(field, "range"));
            return null;
        }
        return node.intValue();
    }

    private static Boolean bool(JsonNode node, String field, List<FieldProblem> p) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            p.add(new FieldProblem(field, "required"));
            return null;
        }
        if (!node.isBoolean()) {
            p.add(new FieldProblem(field, "boolean"));
            return null;
        }
        return node.booleanValue();
    }

    /** Normalises a passport number as typed by a person (case, blanks) for look-ups. */
    public static String normalisePassportNumber(String typed) {
        return legion.enlistment.SearchKeys.passportNumber(typed);
    }
}
