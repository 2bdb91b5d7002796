package legion.parole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.access.Officers;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Program 3 after the contract, through the officers' REST API: an absence referred under art. 336-2 to the
 * prosecutor (a queue item and a mail through the outbox to the prosecutor who has an address), a new offence, an
 * injury, a death, the discharge; the unit, the position and the events' details seen by the unit's supervisor and
 * HQ only, for every other role.
 */
@LegionIntegrationTest
class ParoleServiceApiTest {

    static final String PW = "parole-service-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Officers officers;
    Http http;
    ParoleJourney j;
    String UNIT;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        j = new ParoleJourney(http, officers, "s", PW);
        UNIT = j.unit;
        officers.setMailAddress("s-prosecutor", "prosecutor.s@example.org");
    }

    private Http.Response act(String reference, String officer, Map<String, Object> body) {
        return http.postJsonAs("/api/v1/parole/cases/" + reference + "/transitions", Http.json(body), officer, PW);
    }

    private Http.Response event(String reference, String officer, Map<String, Object> body) {
        return http.postJsonAs("/api/v1/parole/cases/" + reference + "/service-events", Http.json(body), officer,
                PW);
    }

    private String inService() {
        return j.to("IN_SERVICE");
    }

    private String stage(String reference) {
        return jdbc.sql("select stage from parole_case where reference = ?").param(reference).query(String.class)
                .single();
    }

    private long openReferrals(String reference) {
        return jdbc.sql("select count(*) from parole_referral where reference = ? and closed_at is null")
                .param(reference).query(Long.class).single();
    }

    @Test
    void anAbsenceIsReferredUnderArticle3362ToTheProsecutorsQueueAndMailbox() {
        String ref = inService();
        String yesterday = LocalDate.now(ZoneId.of("Europe/Kyiv")).minusDays(1).toString();
        Http.Response absent = event(ref, "s-supervisor", Map.of("kind", "ABSENCE", "occurredOn", yesterday,
                "reason", "missed the evening roll call", "details", "left the position near the river"));
        assertThat(absent.status()).isEqualTo(200);
        assertThat(absent.json().get("status").stringValue()).isEqualTo("ABSENT");
        assertThat(absent.json().get("serviceEvents").get(0).get("kind").stringValue()).isEqualTo("ABSENCE");

        Http.Response queue = http.get("/api/v1/parole/referrals", "s-prosecutor", PW);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains(ref).contains("336-2");
        assertThat(http.get("/api/v1/parole/referrals", "s-supervisor", PW).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/parole/referrals", "s-prison", PW).status()).isEqualTo(403);
        // one mail to the prosecutor with an address, queued in the same transaction
        String referral = jdbc.sql("select id from parole_referral where reference = ?").param(ref)
                .query(String.class).single();
        assertThat(jdbc.sql("select count(*) from outbox_message where dedupe_key = ? and kind = 'PAROLE_REFERRAL'")
                .param("parole:referral:" + referral + ":s-prosecutor").query(Long.class).single()).isEqualTo(1);

        // the prosecutor sees what was referred, not where the serviceman served nor the details
        Http.Response seen = http.get("/api/v1/parole/cases/" + ref, "s-prosecutor", PW);
        assertThat(seen.body()).contains("ABSENCE").doesNotContain("sapper").doesNotContain(UNIT)
                .doesNotContain("river");
        assertThat(seen.json().get("referrals").get(0).get("article").stringValue()).isEqualTo("336-2");

        Http.Response custody = act(ref, "s-prosecutor", Map.of("transition", "RETURN_TO_CUSTODY",
                "reason", "art. 336-2 proceedings opened"));
        assertThat(custody.status()).isEqualTo(200);
        assertThat(openReferrals(ref)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where subject = ? and action in "
                        + "('PAROLE_SERVICE_ABSENCE', 'PAROLE_REFERRED', 'PAROLE_RETURN_TO_CUSTODY')").param(ref)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aNewOffenceIsReferredAndAnInjuryKeepsTheStage() {
        String ref = inService();
        Http.Response injury = event(ref, "s-supervisor", Map.of("kind", "INJURY", "reason", "shrapnel",
                "details", "left arm, evacuated to the field hospital"));
        assertThat(injury.status()).isEqualTo(200);
        assertThat(injury.json().get("status").stringValue()).isEqualTo("IN_SERVICE");
        assertThat(openReferrals(ref)).isZero();

        Http.Response offence = event(ref, "s-prosecutor", Map.of("kind", "NEW_OFFENCE", "offence", "ст. 186 ч. 1",
                "reason", "robbery reported by the military police"));
        assertThat(offence.status()).isEqualTo(200);
        assertThat(offence.json().get("status").stringValue()).isEqualTo("IN_SERVICE");
        assertThat(openReferrals(ref)).isEqualTo(1);
        assertThat(http.get("/api/v1/parole/referrals", "s-prosecutor", PW).body()).contains("186:1");

        // the details stay in the database encrypted
        assertThat(jdbc.sql("select details from parole_service_event where kind = 'INJURY' and case_id = "
                + "(select id from parole_case where reference = ?)").param(ref).query(String.class).single())
                .startsWith("v1:").doesNotContain("hospital");
        // the supervisor sees everything, the unit and the details
        Http.Response supervisor = http.get("/api/v1/parole/cases/" + ref, "s-supervisor", PW);
        assertThat(supervisor.body()).contains("sapper").contains("field hospital").contains("186:1");
    }

    @Test
    void badServiceEventsAreRefusedAndChangeNothing() {
        String ref = inService();
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Kyiv")).plusDays(2).toString();
        assertThat(event(ref, "s-supervisor", Map.of("kind", "INJURY", "reason", "x", "occurredOn", tomorrow))
                .status()).isEqualTo(422);
        assertThat(event(ref, "s-supervisor", Map.of("kind", "NEW_OFFENCE", "reason", "x", "offence", "11x"))
                .status()).isEqualTo(422);
        assertThat(event(ref, "s-supervisor", Map.of("kind", "NEW_OFFENCE", "reason", "x")).status())
                .isEqualTo(422);
        assertThat(event(ref, "s-supervisor", Map.of("kind", "INJURY")).status()).isEqualTo(422);
        assertThat(event(ref, "s-supervisor", Map.of("kind", "NOPE", "reason", "x")).status()).isEqualTo(400);
        // the supervisor of another unit does not see the case; a prison officer may not record service events
        assertThat(event(ref, "s-supervisor-other", Map.of("kind", "INJURY", "reason", "x")).status())
                .isEqualTo(404);
        assertThat(event(ref, "s-prison", Map.of("kind", "INJURY", "reason", "x")).status()).isEqualTo(403);
        assertThat(event(ref, "s-prosecutor", Map.of("kind", "ABSENCE", "reason", "x")).status()).isEqualTo(403);
        assertThat(stage(ref)).isEqualTo("IN_SERVICE");
        assertThat(jdbc.sql("select count(*) from parole_service_event where case_id = "
                + "(select id from parole_case where reference = ?)").param(ref).query(Long.class).single()).isZero();
    }

    @Test
    void aDeathInServiceEndsTheServiceAndTheDischargeIsAServiceEventToo() {
        String died = inService();
        Http.Response death = event(died, "s-supervisor", Map.of("kind", "DEATH", "reason", "killed in action"));
        assertThat(death.status()).isEqualTo(200);
        assertThat(death.json().get("status").stringValue()).isEqualTo("DISCHARGED");
        assertThat(death.json().get("serviceEvents").get(0).get("kind").stringValue()).isEqualTo("DEATH");
        assertThat(event(died, "s-supervisor", Map.of("kind", "INJURY", "reason", "x")).status()).isEqualTo(409);

        String served = inService();
        Http.Response discharged = act(served, "s-supervisor", Map.of("transition", "DISCHARGE",
                "reason", "end of contract"));
        assertThat(discharged.status()).isEqualTo(200);
        assertThat(discharged.json().get("serviceEvents").get(0).get("kind").stringValue()).isEqualTo("DISCHARGE");
    }

    @Test
    void theUnitAndPositionAreSeenByTheUnitsSupervisorAndHqOnlyWhateverTheRole() {
        String ref = inService();
        event(ref, "s-supervisor", Map.of("kind", "ABSENCE", "reason", "gone", "details", "near Kupiansk"));
        for (String officer : new String[] {"s-supervisor", "s-admin"}) {
            Http.Response seen = http.get("/api/v1/parole/cases/" + ref, officer, PW);
            assertThat(seen.status()).as(officer).isEqualTo(200);
            assertThat(seen.json().get("service").get("unit").stringValue()).as(officer).isEqualTo(UNIT);
            assertThat(seen.json().get("service").get("position").stringValue()).as(officer).isEqualTo("sapper");
            assertThat(seen.body()).as(officer).contains("Kupiansk");
        }
        for (String officer : new String[] {"s-prison", "s-medical", "s-commander", "s-clerk", "s-escort", "s-tcc",
                "s-prosecutor", "s-supervisor-other"}) {
            Http.Response seen = http.get("/api/v1/parole/cases/" + ref, officer, PW);
            assertThat(seen.status()).as(officer).isIn(200, 404);
            assertThat(seen.body()).as(officer).doesNotContain("sapper").doesNotContain(UNIT)
                    .doesNotContain("Kupiansk");
        }
    }
}
