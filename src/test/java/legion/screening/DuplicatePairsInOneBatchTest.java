package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/**
 * The screener stores the duplicate pairs of a whole batch in one go: the same person applying three times, all three
 * screened in one batch, gives each pair of them once (three pairs, not six), and screening a fourth application of
 * them later adds only its own three pairs. The background workers are off, so the batch is the test's.
 */
@LegionIntegrationTest
@TestPropertySource(properties = "legion.screening.enabled=false")
class DuplicatePairsInOneBatchTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseScreener screener;
    @Autowired
    ScreeningLists lists;
    @Autowired
    Enlistments enlistments;
    @Autowired
    JdbcClient jdbc;

    private EnlistmentId apply(Map<String, Object> body) {
        var r = new Http(port).postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return enlistments.findByReference(new Reference(r.json().get("reference").stringValue())).orElseThrow().id();
    }

    private long pairsAmong(List<EnlistmentId> ids) {
        return jdbc.sql("select count(*) from screening_duplicate where enlistment_id in (:ids) and other_id in (:ids)")
                .param("ids", ids.stream().map(EnlistmentId::value).toList()).query(Long.class).single();
    }

    @Test
    void eachPairOfOnePersonsApplicationsIsStoredOnceWhetherFoundInOneBatchOrLater() {
        Map<String, Object> person = Applications.valid("Wojciech", "Przybylski", "PL");
        List<EnlistmentId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(apply(person)); // the same passport each time: certainly the same person
        }

        screener.screenAll(ids, lists.currentVersions());

        assertThat(pairsAmong(ids)).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from screening_duplicate where enlistment_id in (:ids) and other_id in (:ids) "
                        + "and certain and status = 'OPEN'")
                .param("ids", ids.stream().map(EnlistmentId::value).toList()).query(Long.class).single()).isEqualTo(3);

        ids.add(apply(person));
        screener.screenAll(List.of(ids.get(3)), lists.currentVersions());
        assertThat(pairsAmong(ids)).isEqualTo(6);
        // screening the batch again finds nothing new: a case is screened for duplicates once
        screener.screenAll(ids, lists.currentVersions());
        assertThat(pairsAmong(ids)).isEqualTo(6);
    }
}
