package legion.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** The database holds no plaintext name, passport number or email; the blind indexes still find them. */
@LegionIntegrationTest
class PersonalDataAtRestTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Enlistments enlistments;

    @Test
    void rawRowsHoldCiphertextOnly() {
        Map<String, Object> body = Applications.valid("Zaphod Ξένιος", "Beeblebrox-Ωμέγα", "GB");
        body.put("email", "Zaphod.Beeblebrox@Example.org");
        @SuppressWarnings("unchecked")
        String passport = (String) ((Map<String, Object>) body.get("passport")).get("number");
        String ref = new Http(port).postJson("/api/v1/enlistments", Http.json(body)).json().get("reference").stringValue();

        Map<String, Object> row = jdbc.sql("select * from enlistment where reference = ?").param(ref).query().singleRow();
        String everything = row.values().toString();
        assertThat(everything).doesNotContain("Zaphod").doesNotContain("Beeblebrox").doesNotContain("Ωμέγα")
                .doesNotContain(passport).doesNotContain("Example.org").doesNotContain("example.org")
                .doesNotContain("1982-03-11");
        assertThat((String) row.get("passport_number")).startsWith("v1:");
        String history = jdbc.sql("select * from enlistment_history h join enlistment e on e.id = h.enlistment_id "
                + "where e.reference = ?").param(ref).query().listOfRows().toString();
        String audit = jdbc.sql("select * from audit_log where subject = ?").param(ref).query().listOfRows().toString();
        assertThat(history + audit).doesNotContain("Zaphod").doesNotContain(passport).doesNotContain("example.org");

        assertThat(enlistments.findByPassportNumber(passport)).containsExactly(new Reference(ref));
        assertThat(enlistments.findByEmail("zaphod.beeblebrox@example.org")).containsExactly(new Reference(ref));
        assertThat(enlistments.findByPassportNumber("NOSUCH123")).isEmpty();
        // many numbers in one read: each with its cases, one no case has with none
        assertThat(enlistments.findByPassportNumbers(java.util.List.of(passport, "NOSUCH123")))
                .containsOnly(Map.entry(passport, java.util.List.of(new Reference(ref))),
                        Map.entry("NOSUCH123", java.util.List.of()));
        assertThat(enlistments.findByReference(new Reference(ref)).orElseThrow().applicant().surname())
                .isEqualTo("Beeblebrox-Ωμέγα");
        // where cases stand, in one read without their personal data: an unknown reference is left out
        var standing = enlistments.standingsByReference(java.util.List.of(new Reference(ref), new Reference(ref),
                new Reference("LGN-0000-0000")));
        var loaded = enlistments.findByReference(new Reference(ref)).orElseThrow();
        assertThat(standing).singleElement().satisfies(st -> {
            assertThat(st.reference()).isEqualTo(new Reference(ref));
            assertThat(st.id()).isEqualTo(loaded.id());
            assertThat(st.stage()).isEqualTo(loaded.stage());
            assertThat(st.rejectionReason()).isNull();
        });
    }

    @Test
    void encryptsLegacyPlaintextRowsInTheBackground() {
        String ref = new Http(port).postJson("/api/v1/enlistments", Http.json(Applications.valid("Trillian", "Astra", "GB")))
                .json().get("reference").stringValue();
        // as a row written before encryption existed
        jdbc.sql("update enlistment set surname = 'Astra', crypto_key = null, passport_bidx = null where reference = ?")
                .param(ref).update();
        assertThat(enlistments.findByReference(new Reference(ref)).orElseThrow().applicant().surname()).isEqualTo("Astra");
        while (enlistments.reencrypt(100) > 0) {
            // until all are current
        }
        Map<String, Object> row = jdbc.sql("select surname, crypto_key, passport_bidx from enlistment where reference = ?")
                .param(ref).query().singleRow();
        assertThat((String) row.get("surname")).startsWith("v1:");
        assertThat(row.get("crypto_key")).isNotNull();
        assertThat(row.get("passport_bidx")).isNotNull();
        assertThat(enlistments.findByReference(new Reference(ref)).orElseThrow().applicant().surname()).isEqualTo("Astra");
        assertThat(List.of(ref)).isNotEmpty();
    }
}
