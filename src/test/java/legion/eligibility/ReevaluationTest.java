package legion.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.enlistment.RejectionReason;
import legion.enlistment.Transition;
import legion.review.CaseAction;
import legion.review.CaseWork;
import legion.rules.Outcome;
import legion.rules.Verdict;
import legion.rules.Finding;
import legion.shared.Actor;
import legion.shared.Role;
import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * An administrator publishes "from today infantry needs combat experience and English": open cases are judged again
 * and keep their verdict history; decided cases are not touched; running it again (or on two nodes) adds nothing.
 */
@LegionIntegrationTest
class ReevaluationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseWork caseWork;
    @Autowired
    Eligibility eligibility;
    @Autowired
    Enlistments enlistments;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    /** Other tests share this database: leave the shipped rules in force. */
    @AfterEach
    void restoreTheShippedRules() {
        eligibility.publish(Actor.officer("admin", Role.ADMINISTRATOR, null),
                PolicyParameters.defaults(java.util.Set.of("RU")), "back to the shipped rules");
    }

    private String apply(String role, int deployments, List<String> languages) {
        Map<String, Object> body = Applications.valid();
        body.put("role", role);
        body.put("militaryExperience", Map.of("years", 4, "branch", "Army", "combatDeployments", deployments));
        body.put("languages", languages);
        var r = http.postJson("/api/v1/enlistments", Http.json(body));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("reference").stringValue();
    }

    private List<String> outcomes(String reference) {
        return jdbc.sql("select policy_version || ':' || outcome from rules_verdict where program = 'legion' and reference = ? "
                + "order by policy_version").param(reference).query(String.class).list();
    }

    /**
     * Intake records as a new case's first verdict the judgement it made when it validated the application (the
     * rules run once), but only of that very applicant, and only while the version that judged it is in force.
     */
    @Test
    void theJudgementMadeAtValidationIsRecordedOnlyForItsApplicantUnderTheVersionInForce() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        legion.enlistment.Applicant tooOld = RulesTest.born(today.minusYears(70));
        legion.enlistment.Applicant fit = RulesTest.born(today.minusYears(30));
        Eligibility.Judgement ofTooOld = eligibility.judge(tooOld);
        assertThat(ofTooOld.refusals()).extracting(Finding::rule).isNotEmpty();

        // another applicant's judgement is not this one's verdict
        legion.enlistment.Enlistment e = legion.enlistment.Enlistment.submit(Reference.random(), fit, "GB");
        tx.executeWithoutResult(s -> {
            enlistments.add(e);
            eligibility.judgeNew(e, ofTooOld);
        });
        assertThat(eligibility.verdicts(e.id())).singleElement()
                .satisfies(v -> assertThat(v.outcome()).isNotEqualTo(Outcome.FAIL));

        // a judgement made before a new version was published is not recorded under the old one
        Eligibility.Judgement before = eligibility.judge(fit);
        int versionBefore = eligibility.current().version();
        eligibility.publish(Actor.officer("admin", Role.ADMINISTRATOR, null),
                PolicyParameters.defaults(java.util.Set.of("RU")), "a version between validation and commit");
        legion.enlistment.Enlistment later = legion.enlistment.Enlistment.submit(Reference.random(), fit, "GB");
        tx.executeWithoutResult(s -> {
            enlistments.add(later);
            eligibility.judgeNew(later, before);
        });
        assertThat(eligibility.verdicts(later.id())).singleElement()
                .satisfies(v -> assertThat(v.policyVersion()).isEqualTo(versionBefore + 1));

        // the judgement of this applicant under the version in force is the one recorded
        Eligibility.Judgement now = eligibility.judge(fit);
        legion.enlistment.Enlistment third = legion.enlistment.Enlistment.submit(Reference.random(), fit, "GB");
        tx.executeWithoutResult(s -> {
            enlistments.add(third);
            eligibility.judgeNew(third, now);
        });
        assertThat(eligibility.verdicts(third.id())).singleElement().satisfies(v -> {
            assertThat(v.policyVersion()).isEqualTo(versionBefore + 1);
            assertThat(v.outcome()).isNotEqualTo(Outcome.FAIL);
        });
    }

    @Test
    void openCasesAreJudgedAgainAndDecidedOnesAreNot() {
        String noCombat = apply("INFANTRY", 0, List.of("en"));
        String noEnglish = apply("INFANTRY", 2, List.of("de"));
        String veteran = apply("INFANTRY", 2, List.of("en"));
        String cook = apply("COOK", 0, List.of("de"));
        String rejected = apply("INFANTRY", 0, List.of("de"));
        Actor embassy = Actor.officer("embassy-gb", Role.EMBASSY_OFFICER, "GB");
        caseWork.act(embassy, new Reference(rejected),
                new CaseAction(Transition.REJECT, "Test rejection", RejectionReason.OTHER, null, null, 0L));
        int before = eligibility.current().version();
        for (String r : List.of(noCombat, noEnglish, veteran, cook, rejected)) {
            assertThat(outcomes(r)).as(r).containsExactly(before + ":PASS");
        }

        var published = http.postJsonAs("/api/v1/eligibility/policies", Http.json(Map.of(
                "roles", Map.of("INFANTRY", Map.of("militaryExperience", true, "combatDeployments", true,
                        "english", true, "medicalQualification", false)),
                "note", "From today infantry needs combat experience and English")), "admin", "demo-password");
        assertThat(published.status()).isEqualTo(201);
        JsonNode report = published.json();
        int version = report.get("version").intValue();
        assertThat(version).isEqualTo(before + 1);
        List<String> changed = new ArrayList<>();
        report.get("changes").forEach(c -> changed.add(c.get("reference").stringValue() + " "
                + c.get("before").stringValue() + "->" + c.get("after").stringValue()));
        assertThat(changed).contains(noCombat + " PASS->FAIL", noEnglish + " PASS->FAIL")
                .noneMatch(c -> c.startsWith(veteran) || c.startsWith(cook) || c.startsWith(rejected));
        assertThat(report.toString()).doesNotContain("Dent").doesNotContain("Arthur");

        assertThat(outcomes(noCombat)).containsExactly(before + ":PASS", version + ":FAIL");
        assertThat(outcomes(veteran)).containsExactly(before + ":PASS", version + ":PASS");
        assertThat(outcomes(cook)).containsExactly(before + ":PASS", version + ":PASS");
        assertThat(outcomes(rejected)).containsExactly(before + ":PASS");
        assertThat(enlistments.findByReference(new Reference(rejected)).orElseThrow().stage().name())
                .isEqualTo("REJECTED");

        var history = eligibility.verdicts(enlistments.findByReference(new Reference(noCombat)).orElseThrow().id());
        assertThat(history).extracting(Verdict::policyVersion).containsExactly(version, before);
        assertThat(history.get(0).concerns()).extracting(Finding::rule).containsExactly("role-combat-experience");
        assertThat(history.get(0).previousOutcome()).isEqualTo(Outcome.PASS);

        // Running the same version again adds nothing.
        long verdicts = jdbc.sql("select count(*) from rules_verdict").query(Long.class).single();
        assertThat(eligibility.rulebook().reevaluate(version)).isZero();
        assertThat(jdbc.sql("select count(*) from rules_verdict").query(Long.class).single()).isEqualTo(verdicts);
    }

    @Test
    void twoNodesReevaluatingTheSameVersionAtOnceRecordOneVerdictPerCase() throws Exception {
        for (int i = 0; i < 30; i++) {
            apply(i % 2 == 0 ? "INFANTRY" : "DRIVER", i % 3, List.of("en"));
        }
        int version = eligibility.current().version() + 1;
        // Published without running it, as if the publishing node stopped at once; two nodes then resume it.
        eligibility.rulebook().insert(version, eligibility.current().policy().parameters().amend(null, null, null, null,
                Map.of(legion.shared.ServiceRole.DRIVER, new RoleRequirements(true, false, false, false))),
                "admin", "test");
        var pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> node = () -> eligibility.rulebook().reevaluate(version);
            List<Future<Integer>> runs = pool.invokeAll(List.of(node, node));
            int recorded = runs.get(0).get() + runs.get(1).get();
            long open = jdbc.sql("select count(*) from enlistment where stage in "
                    + "('SUBMITTED','IN_REVIEW','INFO_REQUESTED','INTERVIEW','VETTING','APPROVED')")
                    .query(Long.class).single();
            long judged = jdbc.sql("select count(*) from rules_verdict where program = 'legion' and policy_version = ?")
                    .param(version).query(Long.class).single();
            assertThat(judged).isEqualTo(open);
            assertThat(recorded).isEqualTo((int) open);
            long duplicates = jdbc.sql("select count(*) from (select subject_id from rules_verdict "
                    + "where program = 'legion' and policy_version = ? group by subject_id having count(*) > 1) d")
                    .param(version).query(Long.class).single();
            assertThat(duplicates).isZero();
            assertThat(eligibility.rulebook().find(version).orElseThrow().reevaluatedAt()).isNotNull();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void onlyAdministratorsPublish() {
        var r = http.postJsonAs("/api/v1/eligibility/policies", Http.json(Map.of("minAge", 21)),
                "vetting1", "demo-password");
        assertThat(r.status()).isEqualTo(403);
        var bad = http.postJsonAs("/api/v1/eligibility/policies", Http.json(Map.of("minAge", 70)),
                "admin", "demo-password");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/eligibility/policies/9999/report", "admin", "demo-password").status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/eligibility/policies/current", "admin", "demo-password").json()
                .get("rules").get(0).stringValue()).isEqualTo("age-18-60");
    }
}
