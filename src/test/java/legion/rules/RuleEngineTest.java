package legion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.rules.ReleaseProgram.Convict;
import legion.rules.ReleaseProgram.Parameters;
import legion.shared.Actor;
import legion.shared.Role;
import legion.support.LegionIntegrationTest;

/**
 * The engine with a second program beside the Legion's: versions stored per program, version 1 from the program's
 * defaults, verdict history per subject (details and dates kept), publishing re-evaluates the open subjects only and
 * reports whose outcome changed.
 */
@LegionIntegrationTest
class RuleEngineTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Actor ADMIN = Actor.officer("admin", Role.ADMINISTRATOR, null);

    @Autowired
    RuleEngine engine;
    @Autowired
    JdbcClient jdbc;

    private final ReleaseProgram program = new ReleaseProgram("t-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void publishingReevaluatesTheProgramsOpenSubjectsAndReportsWhoseOutcomeChanged() {
        Rulebook<Convict, Parameters> book = engine.rulebook(program);
        int legionBefore = jdbc.sql("select max(version) from rules_policy where program = 'legion'")
                .query(Integer.class).optional().orElse(0);
        assertThat(book.current().version()).isEqualTo(1);
        assertThat(book.current().publishedBy()).isEqualTo("system");
        assertThat(book.current().policy().ruleNames()).containsExactly("EXCLUDED_OFFENCE", "REMAINING_TERM");

        Convict a = new Convict("A", List.of("122"), LocalDate.of(2030, 6, 1), true);        // 4 years left
        Convict b = new Convict("B", List.of("115:2.1"), LocalDate.of(2027, 1, 1), true);    // excluded
        Convict c = new Convict("C", List.of("185:4"), LocalDate.of(2027, 1, 1), true);      // eligible
        Convict d = new Convict("D", List.of("122"), LocalDate.of(2030, 6, 1), false);       // decided, not open
        for (Convict x : List.of(a, b, c, d)) {
            program.convicts.put(x.id(), x);
            book.recordFirst(x.id(), "PRL-" + x.id(), book.judge(x, DAY));
        }
        assertThat(book.verdicts("A").get(0).findings().get(1).date()).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(book.verdicts("B").get(0).findings().get(0).id()).isEqualTo("EXCLUDED_OFFENCE(115:2.1)");
        assertThat(book.verdicts("B").get(0).findings().get(0).source()).isEqualTo(ReleaseProgram.SOURCE);
        // stored without the fields a finding does not have, read back as judged
        assertThat(book.verdicts("A").get(0).findings()).isEqualTo(book.judge(a, DAY).findings());
        assertThat(book.verdicts("B").get(0).findings()).isEqualTo(book.judge(b, DAY).findings());
        assertThat(jdbc.sql("select findings from rules_verdict where program = ? and subject_id = 'C'")
                .param(program.name()).query(String.class).single()).doesNotContain("null").doesNotContain("[]");

        Publication p = book.publish(ADMIN, new Parameters(Set.of("115:2.1", "258", "185:4"), 5), "corrected");

        assertThat(p.version()).isEqualTo(2);
        assertThat(p.judged()).isEqualTo(3);
        assertThat(p.changes()).containsExactly(
                new OutcomeChange("PRL-A", Outcome.FAIL, Outcome.PASS),
                new OutcomeChange("PRL-C", Outcome.PASS, Outcome.FAIL));
        assertThat(book.verdicts("A")).extracting(Verdict::policyVersion).containsExactly(2, 1);
        assertThat(book.verdicts("D")).extracting(Verdict::policyVersion).containsExactly(1);
        assertThat(book.verdicts("C").get(0).findings().get(0).id()).isEqualTo("EXCLUDED_OFFENCE(185:4)");
        assertThat(book.history()).extracting(PublishedPolicy::version).containsExactly(2, 1);
        assertThat(book.find(2).orElseThrow().note()).isEqualTo("corrected");
        assertThat(book.find(2).orElseThrow().reevaluatedAt()).isNotNull();
        assertThat(book.report(2)).isEqualTo(p);
        assertThat(book.reevaluate(2)).isZero();
        assertThat(jdbc.sql("select coalesce(max(version), 0) from rules_policy where program = 'legion'")
                .query(Integer.class).single()).isEqualTo(legionBefore);
    }

    @Test
    void onlyAdministratorsPublishAndATakenVersionOrAnUnknownOneIsRefused() {
        Rulebook<Convict, Parameters> book = engine.rulebook(program);
        assertThatThrownBy(() -> book.publish(Actor.officer("vetting1", Role.VETTING_OFFICER, null),
                program.defaults(), null)).isInstanceOf(SecurityException.class);
        assertThat(book.history()).extracting(PublishedPolicy::version).containsExactly(1);
        assertThatThrownBy(() -> book.insert(1, program.defaults(), "admin", null))
                .isInstanceOf(PolicyConflictException.class);
        assertThatThrownBy(() -> book.report(7)).isInstanceOf(PolicyNotFoundException.class);
        assertThat(engine.rulebook(program)).isSameAs(book);
    }

    @Autowired
    legion.rules.internal.PolicyStore store;
    @Autowired
    legion.rules.internal.VerdictStore verdictStore;
    @Autowired
    legion.rules.internal.ReevaluationDriver driver;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /**
     * Two nodes (each its own rulebook and cache) need version 1 at once, each in its own work's transaction: the
     * second does not see the first's version yet and publishes it too, which must neither fail nor break its
     * transaction (on PostgreSQL a refused insert aborts the whole transaction: the first concurrent parole filings
     * on a new database answered 500).
     */
    @Test
    void twoNodesSeedingVersionOneAtOnceBothCarryOnInTheirTransactions() throws Exception {
        Rulebook<Convict, Parameters> first = new Rulebook<>(program, store, verdictStore, driver);
        Rulebook<Convict, Parameters> second = new Rulebook<>(program, store, verdictStore, driver);
        java.util.concurrent.CountDownLatch seeded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = nodes.submit(() -> tx.execute(status -> {
                int version = first.current().version(); // stored, not yet committed
                seeded.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return version;
            }));
            seeded.await();
            var b = nodes.submit(() -> tx.execute(status -> second.current().version() + jdbc.sql(
                    "select count(*) from rules_policy where program = ?").param(program.name()).query(Integer.class)
                    .single() * 100));
            Thread.sleep(300); // the second is waiting for the first's row (PostgreSQL) or found it taken (H2)
            commit.countDown();
            assertThat(a.get()).isEqualTo(1);
            assertThat(b.get()).as("version 1, and one row, read in the second's transaction after its insert")
                    .isEqualTo(101);
        } finally {
            commit.countDown();
            nodes.shutdownNow();
        }
    }
}
