package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.shared.Actor;
import legion.shared.Role;
import legion.support.Applications;
import legion.support.Cases;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * Every application is screened against the watchlists (a UN extract in tests) and against every other application.
 * Each hold of APPROVE and each lift: an open hit holds it ({@code WATCHLIST_HIT}) until two officers clear it; an
 * undecided duplicate holds it ({@code POSSIBLE_DUPLICATE}) until linked or dismissed with four eyes; every decision is
 * audited and shown in the case's screening history; the screening is on the API for vetting officers.
 */
@LegionIntegrationTest
class ScreeningFlowTest {

    static final String PW = Cases.PW;
    static final Actor FIRST = Actor.officer("vetting1", Role.VETTING_OFFICER, null);
    static final Actor SECOND = Actor.officer("vetting2", Role.VETTING_OFFICER, null);

    @LocalServerPort
    int port;
    @Autowired
    CaseScreening screening;
    @Autowired
    Enlistments enlistments;
    @Autowired
    JdbcClient jdbc;

    String submit(Http http, Map<String, Object> body) {
        var r = http.postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("reference").stringValue();
    }

    Enlistment load(String ref) {
        return enlistments.findByReference(new Reference(ref)).orElseThrow();
    }

    Http.Response approve(Http http, String ref, String officer) {
        return Cases.act(http, ref, officer, "{\"transition\":\"APPROVE\"}");
    }

    static void assertHeld(Http.Response r, String hold) {
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("refusal").stringValue()).isEqualTo("HELD_BY_SCREENING");
        assertThat(r.json().get("hold").stringValue()).isEqualTo(hold);
    }

    long audited(String ref, String action) {
        return jdbc.sql("select count(*) from audit_log where subject = ? and action = ?").params(ref, action)
                .query(Long.class).single();
    }

    @Test
    void aWatchlistHitHoldsTheCaseUntilTwoOfficersClearIt() {
        Http http = new Http(port);
        Map<String, Object> body = Applications.valid("Eric", "Badege", "GB");
        body.put("dateOfBirth", "1971-05-01");
        body.put("nationality", "CD");
        body.put("email", "e.badege@example.net");
        String ref = submit(http, body);
        Cases.toVetting(http, ref, "embassy-gb");
        assertHeld(approve(http, ref, "vetting1"), "WATCHLIST_HIT");

        var findings = screening.findings(load(ref).id());
        assertThat(findings.status()).isEqualTo(CaseScreening.Status.SCREENED);
        assertThat(findings.hits()).isNotEmpty();
        var hit = findings.hits().get(0);
        assertThat(hit.list()).isEqualTo("un");
        assertThat(hit.matchedName()).containsIgnoringCase("BADEGE");
        JsonNode api = Cases.screening(http, ref);
        assertThat(api.get("status").stringValue()).isEqualTo("SCREENED");
        assertThat(api.get("listVersions").get("un").stringValue()).isEqualTo("2026-02-27T00:00:09.554Z");
        assertThat(api.get("hits").get(0).get("listId").stringValue()).isEqualTo(hit.listId());
        assertThat(api.get("hits").get(0).get("status").stringValue()).isEqualTo("OPEN");
        assertThat(api.get("hits").get(0).get("matchedName").stringValue()).containsIgnoringCase("BADEGE");
        assertThat(http.get("/api/v1/enlistments/" + ref + "/screening", "embassy-gb", PW).status()).isEqualTo(403);

        for (var h : findings.hits()) {
            screening.clearHit(FIRST, load(ref).id(), h.id());
        }
        assertThatThrownBy(() -> screening.clearHit(FIRST, load(ref).id(), hit.id()))
                .isInstanceOfSatisfying(FindingRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FindingRefusedException.Reason.FOUR_EYES));
        ConsoleSession console = ConsoleSession.login(port, "vetting1", PW);
        var casePage = console.get("/console/cases/" + ref);
        console.postWithToken("/console/cases/" + ref + "/hits/" + hit.id() + "/clear", casePage, Map.of());
        String proposed = console.get("/console/cases/" + ref).body();
        assertThat(proposed).contains("Not recorded: four eyes").contains("<span class=\"tag\">Clearing proposed</span>")
                .doesNotContain(">CLEAR_PROPOSED<").doesNotContain(">OPEN<");
        assertThat(console.get("/console/cases/" + ref + "?lang=uk").body())
                .contains("<span class=\"tag\">Запропоновано зняти</span>");
        assertHeld(approve(http, ref, "vetting2"), "WATCHLIST_HIT");
        for (var h : findings.hits()) {
            var cleared = http.postJsonAs("/api/v1/enlistments/" + ref + "/screening/hits/" + h.id(),
                    "{\"decision\":\"CLEAR\"}", "vetting2", PW);
            assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        }
        assertThat(screening.findings(load(ref).id()).holds()).isFalse();
        var approved = approve(http, ref, "vetting2");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThatThrownBy(() -> screening.clearHit(Actor.officer("embassy-gb", Role.EMBASSY_OFFICER, "GB"),
                load(ref).id(), hit.id())).isInstanceOf(FindingRefusedException.class);

        // every decision is audited like a transition and shown in the case's screening history
        int n = findings.hits().size();
        assertThat(audited(ref, "SCREENING_HIT_PROPOSE_CLEAR")).isEqualTo(n);
        assertThat(audited(ref, "SCREENING_HIT_CLEAR")).isEqualTo(n);
        String history = console.get("/console/cases/" + ref + "?lang=en").body();
        assertThat(history).contains("id=\"screening-history\"").contains("Clearing proposed")
                .contains("Hit cleared (second officer)").contains(">vetting2<");
    }

    @Test
    void anUndecidedDuplicateHoldsBothCasesUntilLinked() {
        Http http = new Http(port);
        Map<String, Object> inLondon = Applications.valid("Jan", "Nowak", "GB");
        Map<String, Object> inWarsaw = Applications.valid("Ян", "Новак", "PL");
        inLondon.put("email", "jan.nowak@example.net");
        inWarsaw.put("email", "jan.nowak@example.net");
        @SuppressWarnings("unchecked")
        Map<String, Object> passport = (Map<String, Object>) inWarsaw.get("passport");
        @SuppressWarnings("unchecked")
        String number = (String) ((Map<String, Object>) inLondon.get("passport")).get("number");
        passport.put("number", number);
        String first = submit(http, inLondon);
        String second = submit(http, inWarsaw);
        Cases.toVetting(http, first, "embassy-gb");
        Cases.toVetting(http, second, "embassy-pl");
        assertHeld(approve(http, second, "vetting1"), "POSSIBLE_DUPLICATE");
        // whoever may not approve at all is told so (403), held or not
        var byEmbassy = approve(http, second, "embassy-pl");
        assertThat(byEmbassy.status()).as(byEmbassy.body()).isEqualTo(403);
        assertThat(byEmbassy.json().get("refusal").stringValue()).isEqualTo("ROLE_NOT_PERMITTED");
        // the earlier case is held too: whichever is approved first, the same person is not approved twice unseen
        assertHeld(approve(http, first, "vetting1"), "POSSIBLE_DUPLICATE");

        var findings = screening.findings(load(second).id());
        assertThat(findings.duplicates()).anySatisfy(d -> {
            assertThat(d.other().value()).isEqualTo(first);
            assertThat(d.certain()).isTrue();
            assertThat(d.otherEmbassy()).isEqualTo("GB");
        });
        JsonNode api = Cases.screening(http, second);
        JsonNode dup = null;
        for (JsonNode d : api.get("duplicates")) {
            if (d.get("reference").stringValue().equals(first)) {
                dup = d;
            }
        }
        assertThat(dup).isNotNull();
        assertThat(dup.get("score").asDouble()).isEqualTo(1.0);
        assertThat(dup.get("status").stringValue()).isEqualTo("OPEN");
        long id = dup.get("id").asLong();

        var linked = http.postJsonAs("/api/v1/enlistments/" + second + "/screening/duplicates/" + id,
                "{\"decision\":\"LINK\"}", "vetting1", PW);
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(screening.findings(load(second).id()).duplicates())
                .anySatisfy(x -> assertThat(x.status()).isEqualTo("LINKED"));
        assertThat(screening.findings(load(first).id()).duplicates())
                .anySatisfy(x -> assertThat(x.status()).isEqualTo("LINKED"));
        assertThat(audited(second, "SCREENING_DUPLICATE_LINK")).isEqualTo(1);
        // linked: the hold lifts; the officer now rejects the second application as a duplicate
        var rejected = Cases.act(http, second, "vetting1",
                "{\"transition\":\"REJECT\",\"reasonCode\":\"OTHER\",\"reason\":\"duplicate of " + first + "\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        Cases.clearDuplicates(http, first); // other test volunteers are not the same person
        assertThat(approve(http, first, "vetting2").status()).isEqualTo(200);

        String page = ConsoleSession.login(port, "vetting1", PW).get("/console/cases/" + second).body();
        assertThat(page).contains("id=\"duplicates\"").contains(first).contains("same passport number")
                .contains("<span class=\"tag\">Same person</span>").doesNotContain(">LINKED<")
                .contains("id=\"screening-history\"");
        assertThat(ConsoleSession.login(port, "vetting1", PW).get("/console/cases/" + second + "?lang=uk").body())
                .contains("<span class=\"tag\">Та сама особа</span>");
    }

    @Test
    void dismissingADuplicateNeedsFourEyes() throws InterruptedException {
        Http http = new Http(port);
        Map<String, Object> a = Applications.valid("Mirosław", "Kępiński", "GB");
        a.put("email", "m.kepinski@example.net");
        Map<String, Object> b = Applications.valid("Mirosław", "Kępiński", "DE");
        b.put("email", "m.kepinski@example.net");
        String earlier = submit(http, a);
        String later = submit(http, b);
        // both screened (either may be first): the pair is found once, whichever it was
        assertThat(legion.support.Eventually.equalTo("SCREENED", java.time.Duration.ofSeconds(30),
                () -> Cases.screening(http, earlier).get("status").stringValue())).isEqualTo("SCREENED");
        Cases.toVetting(http, later, "embassy-de");
        assertHeld(approve(http, later, "vetting1"), "POSSIBLE_DUPLICATE");
        long id = -1;
        for (JsonNode d : Cases.screening(http, later).get("duplicates")) {
            if (d.get("reference").stringValue().equals(earlier)) {
                id = d.get("id").asLong();
            }
        }
        assertThat(id).as("the same name, birth date and email at two embassies").isPositive();
        String path = "/api/v1/enlistments/" + later + "/screening/duplicates/" + id;
        assertThat(http.postJsonAs(path, "{\"decision\":\"DISMISS\"}", "vetting1", PW).status()).isEqualTo(200);
        assertHeld(approve(http, later, "vetting2"), "POSSIBLE_DUPLICATE"); // only proposed: still held
        var same = http.postJsonAs(path, "{\"decision\":\"DISMISS\"}", "vetting1", PW);
        assertThat(same.status()).isEqualTo(403);
        assertThat(same.json().get("refusal").stringValue()).isEqualTo("FOUR_EYES");
        assertThat(http.postJsonAs(path, "{\"decision\":\"DISMISS\"}", "embassy-de", PW).status()).isEqualTo(403);
        assertThat(http.postJsonAs(path, "{\"decision\":\"MAYBE\"}", "vetting2", PW).status()).isEqualTo(400);
        assertThat(http.postJsonAs(path, "{\"decision\":\"DISMISS\"}", "vetting2", PW).status()).isEqualTo(200);
        assertThat(http.postJsonAs(path, "{\"decision\":\"DISMISS\"}", "vetting2", PW).status())
                .as("decided already").isEqualTo(409);
        assertThat(audited(later, "SCREENING_DUPLICATE_PROPOSE_DISMISS")).isEqualTo(1);
        assertThat(audited(later, "SCREENING_DUPLICATE_DISMISS")).isEqualTo(1);
        Cases.clearDuplicates(http, later);
        var approved = approve(http, later, "vetting2");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(ConsoleSession.login(port, "vetting2", PW).get("/console/cases/" + later).body())
                .contains("Dismissal proposed").contains("Dismissed (second officer)");
    }

    @Test
    void aPersonRejectedForSecurityReasonsIsFlaggedAtAnotherEmbassy() {
        Http http = new Http(port);
        Map<String, Object> warsaw = Applications.valid("Iwan", "Petrenko", "PL");
        warsaw.put("email", "i.petrenko@example.net");
        String rejected = submit(http, warsaw);
        assertThat(Cases.act(http, rejected, "embassy-pl", "{\"transition\":\"START_REVIEW\"}").status()).isEqualTo(200);
        assertThat(Cases.act(http, rejected, "embassy-pl",
                "{\"transition\":\"REJECT\",\"reasonCode\":\"SECURITY\",\"reason\":\"hostile service\"}").status())
                .isEqualTo(200);

        Map<String, Object> again = Applications.valid("Ivan", "Petrenko", "DE"); // other spelling, other passport
        again.put("nationality", "PL");
        again.put("email", "i.petrenko@example.net");
        String reapplied = submit(http, again);
        Cases.toVetting(http, reapplied, "embassy-de");
        assertHeld(approve(http, reapplied, "vetting1"), "WATCHLIST_HIT");
        var findings = screening.findings(load(reapplied).id());
        assertThat(findings.hits()).anySatisfy(h -> {
            assertThat(h.list()).isEqualTo("blocklist");
            assertThat(h.listId()).isEqualTo(rejected);
        });
        assertThat(findings.hold()).contains(Hold.WATCHLIST_HIT);
    }
}
