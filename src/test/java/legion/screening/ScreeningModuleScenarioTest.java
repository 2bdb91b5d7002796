package legion.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import legion.enlistment.Applicant;
import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.shared.ServiceRole;
import legion.support.TestDatabase;

/**
 * Screening with only the modules it needs (Modulith bootstraps screening and what it depends on): a submitted
 * application is the event in (published by the aggregate through the registry); its screening against the loaded
 * list is the outcome out — screened, and a hit recorded, open, for a name on the list.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "legion.screening.lists=un=src/test/resources/screening/un-extract.xml")
@Tag("integration")
class ScreeningModuleScenarioTest {

    @Autowired
    Enlistments enlistments;
    @Autowired
    CaseScreening screening;
    @Autowired
    TransactionTemplate tx;

    static Applicant applicant(String given, String surname) {
        return new Applicant(given, surname, LocalDate.of(1971, 5, 3), "M", "GB", "GB",
                new Applicant.Passport(legion.support.Applications.passportNumber(), "GB", LocalDate.now().plusYears(3)),
                "v@example.org", null, List.of("en"), ServiceRole.INFANTRY, null, false, true);
    }

    @Test
    void aSubmittedApplicationIsScreenedAfterCommit(Scenario scenario) {
        Enlistment e = Enlistment.submit(Reference.random(), applicant("Gwendolyn", "Okonkwo-Hart"), "GB");
        scenario.stimulate(() -> tx.executeWithoutResult(s -> enlistments.add(e)))
                .andWaitForStateChange(() -> screening.status(e.id()), s -> s == CaseScreening.Status.SCREENED)
                .andVerify(s -> assertThat(screening.findings(e.id()).hits()).isEmpty());
    }

    @Test
    void aNameOnTheListIsScreenedWithAnOpenHit(Scenario scenario) {
        Enlistment e = Enlistment.submit(Reference.random(), applicant("Eric", "Badege"), "GB");
        scenario.stimulate(() -> tx.executeWithoutResult(s -> enlistments.add(e)))
                .andWaitForStateChange(() -> screening.status(e.id()), s -> s == CaseScreening.Status.SCREENED)
                .andVerify(s -> assertThat(screening.findings(e.id()).hits())
                        .anySatisfy(h -> {
                            assertThat(h.list()).isEqualTo("un");
                            assertThat(h.matchedName()).containsIgnoringCase("BADEGE");
                            assertThat(h.status()).isEqualTo("OPEN");
                        }));
    }
}
