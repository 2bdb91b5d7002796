package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.shared.Actor;
import legion.shared.Role;
import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Every application is screened against the watchlists (a UN extract in tests) and against every other application:
 * hits hold the case until vetting officers decide them (clearing with four eyes), the same passport at two embassies
 * is a certain duplicate, and a person rejected for security reasons is flagged wherever they apply again.
 */
@LegionIntegrationTest
class ScreeningFlowTest {

    static final String PW = "demo-password";

    @LocalServerPort
    int port;
    @Autowired
    CaseScreening screening;
    @Autowired
    Enlistments enlistments;

    String submit(Http http, Map<String, Object> body) {
        var r = http.postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("reference").stringValue();
    }

    void toVetting(Http http, String ref, String embassyOfficer) {
        for (String t : new String[] {"START_REVIEW", "INVITE_TO_INTERVIEW", "RECOMMEND"}) {
            assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/transitions",
                    "{\"transition\":\"" + t + "\",\"reason\":\"ok\"}", embassyOfficer, PW).status()).isEqualTo(200);
        }
    }

    Enlistment load(String ref) {
        return enlistments.findByReference(new Reference(ref)).orElseThrow();
    }

    @Test
    void aWatchlistHitHoldsTheCaseUntilTwoOfficersClearIt() {
        Http http = new Http(port);
        Map<String, Object> body = Applications.valid("Eric", "Badege", "GB");
        body.put("dateOfBirth", "1971-05-01");
        body.put("nationality", "CD");
        String ref = submit(http, body);
        toVetting(http, ref, "embassy-gb");
        var held = http.postJsonAs("/api/v1/enlistments/" + ref + "/transitions", "{\"transition\":\"APPROVE\",\"expectedVersion\":3}", "vetting1", PW);
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.body()).contains("HELD_BY_SCREENING");

        var findings = screening.findings(load(ref).id());
        assertThat(findings.hits()).isNotEmpty();
        var hit = findings.hits().get(0);
        assertThat(hit.list()).isEqualTo("un");
        assertThat(hit.matchedName()).containsIgnoringCase("BADEGE");

        Actor first = Actor.officer("vetting1", Role.VETTING_OFFICER, null);
        Actor second = Actor.officer("vetting2", Role.VETTING_OFFICER, null);
        for (var h : findings.hits()) {
            screening.clearHit(first, load(ref).id(), h.id());
        }
        assertThatThrownBy(() -> screening.clearHit(first, load(ref).id(), hit.id())).isInstanceOf(SecurityException.class);
        ConsoleSession console = ConsoleSession.login(port, "vetting1", PW);
        var casePage = console.get("/console/cases/" + ref);
        console.postWithToken("/console/cases/" + ref + "/hits/" + hit.id() + "/clear", casePage, Map.of());
        String proposed = console.get("/console/cases/" + ref).body();
        assertThat(proposed).contains("Not recorded: four eyes").contains("<span class=\"tag\">Clearing proposed</span>")
                .doesNotContain(">CLEAR_PROPOSED<").doesNotContain(">OPEN<");
        assertThat(console.get("/console/cases/" + ref + "?lang=uk").body())
                .contains("<span class=\"tag\">Запропоновано зняти</span>");
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/transitions", "{\"transition\":\"APPROVE\",\"expectedVersion\":3}",
                "vetting2", PW).status()).isEqualTo(409);
        for (var h : findings.hits()) {
            screening.clearHit(second, load(ref).id(), h.id());
        }
        assertThat(screening.findings(load(ref).id()).holds()).isFalse();
        assertThat(http.postJsonAs("/api/v1/enlistments/" + ref + "/transitions", "{\"transition\":\"APPROVE\",\"expectedVersion\":3}",
                "vetting2", PW).status()).isEqualTo(200);
        assertThatThrownBy(() -> screening.clearHit(Actor.officer("embassy-gb", Role.EMBASSY_OFFICER, "GB"),
                load(ref).id(), hit.id())).isInstanceOf(SecurityException.class);
    }

    @Test
    void theSamePassportAtTwoEmbassiesIsACertainDuplicate() {
        Http http = new Http(port);
        Map<String, Object> inLondon = Applications.valid("Jan", "Nowak", "GB");
        Map<String, Object> inWarsaw = Applications.valid("Ян", "Новак", "PL");
        @SuppressWarnings("unchecked")
        Map<String, Object> passport = (Map<String, Object>) inWarsaw.get("passport");
        @SuppressWarnings("unchecked")
        String number = (String) ((Map<String, Object>) inLondon.get("passport")).get("number");
        passport.put("number", number);
        String first = submit(http, inLondon);
        String second = submit(http, inWarsaw);
        var findings = screening.findings(load(second).id());
        assertThat(findings.duplicates()).anySatisfy(d -> {
            assertThat(d.other().value()).isEqualTo(first);
            assertThat(d.certain()).isTrue();
            assertThat(d.otherEmbassy()).isEqualTo("GB");
        });
        assertThat(findings.holds()).isFalse();
        var d = findings.duplicates().stream().filter(x -> x.other().value().equals(first)).findFirst().orElseThrow();
        screening.decideDuplicate(Actor.officer("vetting1", Role.VETTING_OFFICER, null), load(second).id(), d.id(), true);
        assertThat(screening.findings(load(second).id()).duplicates()).anySatisfy(x -> assertThat(x.status()).isEqualTo("LINKED"));
        // shown side by side on the vetting officer's case page, with the reasons
        String page = ConsoleSession.login(port, "vetting1", PW).get("/console/cases/" + second).body();
        assertThat(page).contains("id=\"duplicates\"").contains(first).contains("same passport number")
                .contains("<span class=\"tag\">Same person</span>").doesNotContain(">LINKED<");
        assertThat(ConsoleSession.login(port, "vetting1", PW).get("/console/cases/" + second + "?lang=uk").body())
                .contains("<span class=\"tag\">Та сама особа</span>");
    }

    @Test
    void aPersonRejectedForSecurityReasonsIsFlaggedAtAnotherEmbassy() {
        Http http = new Http(port);
        Map<String, Object> warsaw = Applications.valid("Iwan", "Petrenko", "PL");
        warsaw.put("email", "i.petrenko@example.net");
        String rejected = submit(http, warsaw);
        assertThat(http.postJsonAs("/api/v1/enlistments/" + rejected + "/transitions", "{\"transition\":\"START_REVIEW\"}",
                "embassy-pl", PW).status()).isEqualTo(200);
        assertThat(http.postJsonAs("/api/v1/enlistments/" + rejected + "/transitions",
                "{\"transition\":\"REJECT\",\"reasonCode\":\"SECURITY\",\"reason\":\"hostile service\",\"expectedVersion\":1}", "embassy-pl", PW)
                .status()).isEqualTo(200);

        Map<String, Object> again = Applications.valid("Ivan", "Petrenko", "DE"); // other spelling, other passport
        again.put("nationality", "PL");
        again.put("email", "i.petrenko@example.net");
        String reapplied = submit(http, again);
        var findings = screening.findings(load(reapplied).id());
        assertThat(findings.hits()).anySatisfy(h -> {
            assertThat(h.list()).isEqualTo("blocklist");
            assertThat(h.listId()).isEqualTo(rejected);
        });
        assertThat(findings.holds()).isTrue();
    }
}
