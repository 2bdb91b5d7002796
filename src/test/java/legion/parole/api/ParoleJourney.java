package legion.parole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import legion.access.Officers;
import legion.shared.Role;
import legion.shared.Unit;
import legion.support.Http;
import legion.support.TestDatabase;

/**
 * Takes parole cases through the officers' REST API for tests: one officer of every role, named
 * {@code <prefix>-<role>}, a facility and a military unit of their own; {@link #to} moves a new case stage by stage.
 */
public final class ParoleJourney {

    public final String prefix;
    public final String password;
    public final String facility;
    public final String unit;
    private final Http http;

    public ParoleJourney(Http http, Officers officers, String prefix, String password) {
        this.http = http;
        this.prefix = prefix;
        this.password = password;
        this.facility = "UA-PRN-" + prefix.toUpperCase();
        this.unit = "UA-UNIT-" + prefix.toUpperCase();
        Unit military = Unit.of(Unit.MILITARY_UNIT, unit);
        officer(officers, "prison", Role.PRISON_OFFICER, Unit.of(Unit.PRISON, facility));
        officer(officers, "medical", Role.MEDICAL_BOARD, null);
        officer(officers, "commander", Role.UNIT_COMMANDER, military);
        officer(officers, "clerk", Role.COURT_CLERK, null);
        officer(officers, "escort", Role.ESCORT, null);
        officer(officers, "tcc", Role.TCC_OFFICER, null);
        officer(officers, "supervisor", Role.SUPERVISING_OFFICER, military);
        officer(officers, "supervisor-other", Role.SUPERVISING_OFFICER,
                Unit.of(Unit.MILITARY_UNIT, "UA-UNIT-OTHER"));
        officer(officers, "prosecutor", Role.PROSECUTOR, null);
        officer(officers, "admin", Role.ADMINISTRATOR, null);
        officer(officers, "analyst", Role.ANALYST, null);
    }

    private void officer(Officers officers, String name, Role role, Unit unit) {
        String username = name(name);
        if (!officers.exists(username)) {
            officers.createInUnit(username, username, password, role, unit);
            officers.setSecondFactor(username, TestDatabase.TOTP_SECRET);
        }
    }

    /** The login name of this journey's officer of a role ({@code prison}, {@code supervisor}, …). */
    public String name(String role) {
        return prefix + "-" + role;
    }

    public Http.Response act(String reference, String role, Map<String, Object> body) {
        return http.postJsonAs("/api/v1/parole/cases/" + reference + "/transitions", Http.json(body), name(role),
                password);
    }

    public Http.Response event(String reference, String role, Map<String, Object> body) {
        return http.postJsonAs("/api/v1/parole/cases/" + reference + "/service-events", Http.json(body),
                name(role), password);
    }

    /** Files a convict of the facility (sentence ending in a year) and returns its reference. */
    public String file(String fullName, LocalDate sentenceEnd) {
        return file(fullName, "1990-01-02", sentenceEnd);
    }

    /** Files a convict of the facility born on the day ({@code YYYY-MM-DD}) and returns its reference. */
    public String file(String fullName, String dateOfBirth, LocalDate sentenceEnd) {
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("fullName", fullName);
        filing.put("dateOfBirth", dateOfBirth);
        filing.put("prisonerNumber", "31-00077");
        filing.put("offences", "185:2");
        filing.put("sentenceEnd", sentenceEnd.toString());
        filing.put("consent", Map.of("witness", "Inspector Hnatiuk"));
        Http.Response filed = http.postJsonAs("/api/v1/parole/cases", Http.json(filing), name("prison"), password);
        assertThat(filed.status()).isEqualTo(201);
        return filed.json().get("reference").stringValue();
    }

    /** A new case taken up to the stage (on the court's way), serving in {@link #unit} as a sapper. */
    public String to(String stage) {
        return to(stage, "Іван Сірко", "1990-01-02");
    }

    /** A new case of this convict (sentence ending in a year) taken up to the stage, as {@link #to(String)}. */
    public String to(String stage, String fullName, String dateOfBirth) {
        String ref = file(fullName, dateOfBirth, LocalDate.now().plusYears(1));
        String[][] steps = {
                {"SCREENED", "prison", "SCREEN"}, {"EXAMINED", "medical", "FIND_FIT"},
                {"ACCEPTED", "commander", "ACCEPT"}, {"PETITIONED", "prison", "PETITION"},
                {"RELEASED", "clerk", "RELEASE"}, {"HANDED_OVER", "escort", "HAND_OVER"},
                {"IN_SERVICE", "tcc", "SIGN_CONTRACT"}};
        if (stage.equals("APPLIED")) {
            return ref;
        }
        for (String[] step : steps) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("transition", step[2]);
            body.put("reason", "test step");
            switch (step[2]) {
                case "ACCEPT" -> body.put("unit", unit);
                case "RELEASE" -> body.put("ruling", Map.of("caseNumber", "757/31/25",
                        "effectiveAt", Instant.now().toString()));
                case "SIGN_CONTRACT" -> {
                    body.put("unit", unit);
                    body.put("position", "sapper");
                }
                default -> { }
            }
            assertThat(act(ref, step[1], body).status()).as(step[2]).isEqualTo(200);
            if (step[0].equals(stage)) {
                return ref;
            }
        }
        throw new IllegalArgumentException(stage);
    }
}
