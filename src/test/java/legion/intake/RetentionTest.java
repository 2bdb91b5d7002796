package legion.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.ConsoleSession;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** Volunteers withdraw and have their data erased; the retention job erases decided cases after the period. */
@LegionIntegrationTest
class RetentionTest {

    @LocalServerPort
    int port;
    @Autowired
    Retention retention;
    @Autowired
    Enlistments enlistments;
    @Autowired
    JdbcClient jdbc;

    record Case(Reference reference, String passport) {
    }

    Case submit() {
        Map<String, Object> body = Applications.valid("Erika", "Mustermann", "DE");
        @SuppressWarnings("unchecked")
        String passport = (String) ((Map<String, Object>) body.get("passport")).get("number");
        String ref = new Http(port).postJson("/api/v1/enlistments", Http.json(body)).json().get("reference").stringValue();
        return new Case(new Reference(ref), passport);
    }

    static final LocalDate DOB = LocalDate.of(1982, 3, 11);

    @Test
    void aVolunteerWithdrawsThenErasesOnTheirOwn() {
        Case c = submit();
        // not while in progress
        assertThat(retention.erase(c.reference(), c.passport(), DOB)).isEqualTo(Retention.Outcome.NOT_ALLOWED);
        assertThat(retention.withdraw(c.reference(), "WRONG1234", DOB)).isEqualTo(Retention.Outcome.NOT_FOUND);
        assertThat(retention.withdraw(c.reference(), c.passport(), DOB)).isEqualTo(Retention.Outcome.DONE);
        assertThat(retention.withdraw(c.reference(), c.passport(), DOB)).isEqualTo(Retention.Outcome.NOT_ALLOWED);
        assertThat(retention.erase(c.reference(), c.passport(), DOB)).isEqualTo(Retention.Outcome.DONE);

        Map<String, Object> row = jdbc.sql("select * from enlistment where reference = ?").param(c.reference().value())
                .query().singleRow();
        assertThat(row.get("given_names")).isNull();
        assertThat(row.get("passport_number")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("passport_bidx")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row.get("nationality")).isEqualTo("DE");
        assertThat(row.get("stage")).isEqualTo("WITHDRAWN");
        assertThat(enlistments.findByPassportNumber(c.passport())).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where subject = ? and action = 'PERSONAL_DATA_ERASED'")
                .param(c.reference().value()).query(Long.class).single()).isEqualTo(1);
        // the volunteer can no longer prove who they are with these details: nothing is left to match
        assertThat(retention.erase(c.reference(), c.passport(), DOB)).isEqualTo(Retention.Outcome.NOT_FOUND);
        // officers see the case, without personal data
        var page = ConsoleSession.login(port, "vetting1", "demo-password").get("/console/cases/" + c.reference().value());
        assertThat(page.body()).contains("id=\"erased\"").doesNotContain("Mustermann");
    }

    @Test
    void theRetentionJobErasesDecidedCasesAfterThePeriod() {
        Case decided = submit();
        Case open = submit();
        retention.withdraw(decided.reference(), decided.passport(), DOB);
        jdbc.sql("update enlistment set updated_at = ? where reference in (?, ?)")
                .params(java.time.OffsetDateTime.now().minusDays(400), decided.reference().value(), open.reference().value())
                .update();
        assertThat(retention.eraseDue()).isGreaterThanOrEqualTo(1);
        assertThat(enlistments.findByReference(decided.reference()).orElseThrow().applicant().erased()).isTrue();
        assertThat(enlistments.findByReference(open.reference()).orElseThrow().applicant().erased()).isFalse();
        assertThat(retention.eraseDue()).isZero();
    }

    @Autowired
    VolunteerMail mail;

    @Test
    void thePortalOffersWithdrawalAndErasureAfterTheEmailedCode() {
        Case c = submit();
        ConsoleSession portal = ConsoleSession.anonymous(port);
        var form = portal.get("/status");
        var codePage = portal.postAndFollow("/status", form, Map.of("reference", c.reference().value(),
                "passportNumber", c.passport(), "dobDay", "11", "dobMonth", "3", "dobYear", "1982"));
        assertThat(codePage.body()).contains("id=\"code\"").doesNotContain(c.reference().value());
        String code = legion.support.Outbox.codeFor(mail.outbox(), c.reference().value());
        var wrong = portal.postAndFollow("/status/code", codePage, Map.of("code", code.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.body()).contains("not right");
        var in = portal.postWithToken("/status/code", wrong, Map.of("code", code));
        assertThat(in.location()).endsWith("/status/case");
        var status = portal.get("/status/case");
        assertThat(status.body()).contains(c.reference().value()).contains("id=\"withdraw\"").doesNotContain("id=\"erase\"");
        // withdrawing asks again on a page of its own; only its button withdraws
        var confirm = portal.get("/status/withdraw");
        assertThat(confirm.body()).contains("Are you sure you want to withdraw your application?")
                .contains("id=\"confirm-withdraw\"").contains("href=\"/status/case\"");
        assertThat(portal.get("/status/case").body()).contains("id=\"withdraw\"");
        assertThat(portal.get("/status/erase").location()).endsWith("/status/case"); // not erasable yet
        portal.postWithToken("/status/withdraw", confirm, Map.of());
        var withdrawn = portal.get("/status/case");
        assertThat(withdrawn.body()).contains("has been withdrawn").contains("id=\"erase\"");
        assertThat(portal.get("/status/erase").body()).contains("Are you sure you want to erase your personal data?");
        portal.postWithToken("/status/erase", withdrawn, Map.of());
        assertThat(portal.get("/status/case").body()).contains("has been erased");
        assertThat(enlistments.findByReference(c.reference()).orElseThrow().applicant().erased()).isTrue();
        // the same code does not work twice, and unmatched details send nothing but look the same
        ConsoleSession other = ConsoleSession.anonymous(port);
        var f2 = other.get("/status");
        var nothing = other.postAndFollow("/status", f2, Map.of("reference", "LGN-0000-0000",
                "passportNumber", c.passport(), "dobDay", "11", "dobMonth", "3", "dobYear", "1982"));
        assertThat(nothing.body()).isEqualTo(nothing.body()).contains("id=\"code\"");
        assertThat(other.postAndFollow("/status/code", nothing, Map.of("code", code)).body()).contains("not right");
        assertThat(other.get("/status/case").location()).endsWith("/status");
    }
}
