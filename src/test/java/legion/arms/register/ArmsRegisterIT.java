package legion.arms.register;

import legion.shared.Actor;
import legion.shared.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.audit.AuditLog;
import legion.support.LegionIntegrationTest;

/** The register on the database under test (H2, then PostgreSQL): stock, issue under the policy, return, trace. */
@LegionIntegrationTest
class ArmsRegisterIT {

    private static final Actor KYIV = Actor.inUnit("armory-kyiv", Role.ISSUING_OFFICER, Points.unit("KYIV-POLICE-01"));
    private static final Actor KYIV_2 = Actor.inUnit("armory-kyiv-2", Role.ISSUING_OFFICER, Points.unit("KYIV-POLICE-01"));
    private static final Actor KHARKIV = Actor.inUnit("armory-kharkiv", Role.ISSUING_OFFICER, Points.unit("KHARKIV-TDF-127"));
    private static final Actor POLICE = Actor.inUnit("police1", Role.POLICE_INVESTIGATOR, null);

    @Autowired
    ArmsRegister register;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    Holders holders;

    @Autowired
    CustodyDesk custody;

    private static final Actor REGISTRY = Actor.inUnit("registry1", Role.REGISTRY_SUPERVISOR, null);

    private static String serial() {
        return "ТЕСТ " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static ArmsRegister.HolderDetails person(String document, LocalDate born, LegalStatus status) {
        return new ArmsRegister.HolderDetails("Петренко", "Михайло", "Іванович", born, document,
                "Kyiv, Khreshchatyk 1", "+380441234567", status);
    }

    private static String document() {
        return "КВ" + (100000 + (int) (Math.random() * 899999));
    }

    @Test
    void stockIssueReturnAndTraceLeaveOneHistoryEntryEachAndAnAuditEntryEach() {
        String serial = serial();
        Weapon w = register.stock(KYIV, new ArmsRegister.Stock("АКМ", "АКМ", "7.62x39", serial));
        String doc = document();

        ArmsRegister.Issued issued = register.issue(KYIV, "AKM", serial.replace("Т", "T").replace("Е", "E"),
                person(doc, LocalDate.of(1980, 4, 5), LegalStatus.CITIZEN), 120, 4);
        assertThat(issued.number()).matches("ARM-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(register.returnWeapon(KHARKIV, "АКМ", serial, 100, 4)).isEqualTo(issued.number());

        ArmsRegister.Trace trace = register.trace(POLICE, "АКМ", serial, "12022100010001234");
        assertThat(trace.weapon().status()).isEqualTo(WeaponStatus.IN_STOCK);
        assertThat(trace.weapon().point()).isEqualTo("KHARKIV-TDF-127"); // returned at another point
        assertThat(trace.history()).extracting(CustodyEntry::event)
                .containsExactly(CustodyEvent.RECEIVED, CustodyEvent.ISSUED, CustodyEvent.RETURNED);
        assertThat(trace.history().get(1)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("armory-kyiv");
            assertThat(e.point()).isEqualTo("KYIV-POLICE-01");
            assertThat(e.rounds()).isEqualTo(120);
            assertThat(e.magazines()).isEqualTo(4);
            assertThat(e.issueNumber()).isEqualTo(issued.number());
        });
        assertThat(trace.holders()).singleElement().satisfies(h -> assertThat(h.documentNumber()).isEqualTo(doc));
        assertThat(audit.recent(w.id(), 10)).extracting(AuditLog.Entry::action)
                .contains("ARMS_WEAPON_RECEIVED", "ARMS_WEAPON_TRACED");
        assertThat(audit.recent(w.id(), 10)).filteredOn(e -> e.action().equals("ARMS_WEAPON_TRACED"))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("case 12022100010001234"));
        assertThat(audit.recent(issued.number(), 10)).extracting(AuditLog.Entry::action)
                .containsExactlyInAnyOrder("ARMS_WEAPON_ISSUED", "ARMS_WEAPON_RETURNED");
    }

    @Test
    void holdersAreStoredEncryptedAndFoundAgainByTheirDocumentInEitherScript() {
        String serial = serial();
        register.stock(KYIV, new ArmsRegister.Stock("ПМ", "ПМ", "9x18", serial));
        String doc = document();
        register.issue(KYIV, "ПМ", serial, person(doc, LocalDate.of(1980, 4, 5), LegalStatus.CITIZEN), 16, 2);

        String raw = jdbc.sql("select surname || given_names || date_of_birth || document_number || address || phone "
                + "from arms_holder where document_index = ?").param(holders.documentIndex(doc))
                .query(String.class).single();
        assertThat(raw).doesNotContain("Петренко", "Михайло", "1980", doc, "Khreshchatyk", "380441234567");
        assertThat(holders.findByDocument(doc.replace("К", "K").replace("В", "B"))).isPresent();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteCustodyHistory() {
        String serial = serial();
        Weapon w = register.stock(KYIV, new ArmsRegister.Stock("АКМ", "АКМ", "7.62x39", serial));

        assertThatThrownBy(() -> jdbc.sql("update arms_custody set actor = 'someone-else' where weapon_id = ?")
                .param(w.id()).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from arms_custody where weapon_id = ?").param(w.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select actor from arms_custody where weapon_id = ?").param(w.id()).query(String.class)
                .single()).isEqualTo("armory-kyiv");
    }

    @Test
    void refusalsNameEveryFailedRuleAndChangeNothing() {
        String serial = serial();
        Weapon w = register.stock(KYIV, new ArmsRegister.Stock("АКМ", "АКМ", "7.62x39", serial));
        LocalDate minor = LocalDate.now().minusYears(17);

        assertThatThrownBy(() -> register.issue(KYIV, "АКМ", serial,
                person(document(), minor, LegalStatus.FOREIGNER_NOT_LEGALLY_RESIDENT), 10, 1))
                .isInstanceOfSatisfying(IssueRefusedException.class, e -> assertThat(e.failures())
                        .extracting(f -> f.rule()).containsExactly("holder-age-18", "legally-in-ukraine"));
        assertThatThrownBy(() -> register.issue(KHARKIV, "АКМ", serial,
                person(document(), LocalDate.of(1980, 1, 1), LegalStatus.CITIZEN), 10, 1))
                .isInstanceOfSatisfying(IssueRefusedException.class, e -> assertThat(e.failures())
                        .extracting(f -> f.rule()).containsExactly("weapon-in-stock-at-officer-point"));
        String banned = document();
        holders.prohibit(banned, "registry1", java.time.Instant.now());
        assertThatThrownBy(() -> register.issue(KYIV, "АКМ", serial,
                person(banned, LocalDate.of(1980, 1, 1), LegalStatus.STATELESS_LEGALLY_RESIDENT), 10, 1))
                .isInstanceOfSatisfying(IssueRefusedException.class, e -> assertThat(e.failures())
                        .extracting(f -> f.rule()).containsExactly("not-prohibited"));

        assertThat(register.trace(POLICE, "АКМ", serial, "CASE-1").history()).hasSize(1);
        assertThat(register.trace(POLICE, "АКМ", serial, "CASE-1").weapon().status()).isEqualTo(WeaponStatus.IN_STOCK);
        assertThat(w.status()).isEqualTo(WeaponStatus.IN_STOCK);
    }

    @Test
    void atMostTwoWeaponsAtOnceAndAnIssuedWeaponCannotBeIssuedAgain() {
        String doc = document();
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            serials.add(serial());
            register.stock(KYIV, new ArmsRegister.Stock("АК-74", "АК-74", "5.45x39", serials.get(i)));
        }
        var p = person(doc, LocalDate.of(1990, 6, 1), LegalStatus.FOREIGNER_LEGALLY_RESIDENT);
        register.issue(KYIV, "АК-74", serials.get(0), p, 90, 3);
        register.issue(KYIV, "АК-74", serials.get(1), p, 90, 3);

        assertThatThrownBy(() -> register.issue(KYIV, "АК-74", serials.get(2), p, 90, 3))
                .isInstanceOfSatisfying(IssueRefusedException.class, e -> assertThat(e.failures())
                        .extracting(f -> f.rule()).containsExactly("weapons-held-max-2"));
        var other = person(document(), LocalDate.of(1985, 1, 1), LegalStatus.CITIZEN);
        assertThatThrownBy(() -> register.issue(KYIV, "АК-74", serials.get(0), other, 90, 3))
                .isInstanceOf(CustodyRefusedException.class);
        register.returnWeapon(KYIV, "АК-74", serials.get(0), 90, 3);
        register.issue(KYIV, "АК-74", serials.get(2), p, 90, 3); // one returned: room for another
    }

    @Test
    void theSameWeaponIssuedAtTwoDesksAtOnceIsIssuedOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String serial = serial();
            register.stock(KYIV, new ArmsRegister.Stock("ПМ", "ПМ", "9x18", serial));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (Actor desk : List.of(KYIV, KYIV_2)) {
                    Callable<String> call = () -> {
                        start.await();
                        try {
                            return register.issue(desk, "ПМ", serial,
                                    person(document(), LocalDate.of(1980, 1, 1), LegalStatus.CITIZEN), 16, 2).number();
                        } catch (WeaponConflictException | CustodyRefusedException e) {
                            return "CONFLICT";
                        }
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).filteredOn(o -> o.equals("CONFLICT")).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o.startsWith("ARM-")).hasSize(1);
                assertThat(jdbc.sql("select count(*) from arms_issue i join arms_weapon w on w.id = i.weapon_id "
                        + "where w.serial = ?").param(serial).query(Integer.class).single()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void lostFoundLateCorrectedSeizedAndDestroyedAreAllInTheHistory() {
        String serial = serial();
        register.stock(KYIV, new ArmsRegister.Stock("АКМ", "АКМ", "7.62x39", serial));
        String number = register.issue(KYIV, "АКМ", serial,
                person(document(), LocalDate.of(1970, 1, 1), LegalStatus.CITIZEN), 30, 1).number();
        custody.reportMissing(KYIV, "АКМ", serial, false, "holder reports it lost");
        String openIssue = "select count(*) from arms_issue where number = ? and returned_at is null";
        assertThat(jdbc.sql(openIssue).param(number).query(Integer.class).single()).isEqualTo(1); // still answers for it
        custody.declareFound(KHARKIV, "АКМ", "АКМ", "7.62x39", serial,
                java.time.Instant.now().minus(java.time.Duration.ofHours(30)), "handed in by a passer-by");
        assertThat(jdbc.sql(openIssue).param(number).query(Integer.class).single()).isZero(); // found: issue ended
        long found = register.trace(POLICE, "АКМ", serial, "C-1").history().get(3).seq();
        custody.correct(REGISTRY, "АКМ", serial, found, "found in Kharkiv oblast, not Kharkiv");
        custody.seize(POLICE, "АКМ", serial, "12022100010001234", "evidence");
        custody.destroy(REGISTRY, "АКМ", serial, "unsafe");

        ArmsRegister.Trace t = register.trace(POLICE, "АКМ", serial, "C-1");
        assertThat(t.history()).extracting(CustodyEntry::event).containsExactly(CustodyEvent.RECEIVED,
                CustodyEvent.ISSUED, CustodyEvent.REPORTED_LOST, CustodyEvent.FOUND, CustodyEvent.CORRECTED,
                CustodyEvent.SEIZED, CustodyEvent.DESTROYED);
        assertThat(t.history().get(3).late()).isTrue();
        assertThat(t.history().get(3).point()).isEqualTo("KHARKIV-TDF-127");
        assertThat(t.history().get(4).corrects()).isEqualTo(found);
        assertThat(t.weapon().status()).isEqualTo(WeaponStatus.DESTROYED);
        assertThatThrownBy(() -> custody.transfer(REGISTRY, "АКМ", serial, "LVIV-POLICE-01"))
                .isInstanceOf(CustodyRefusedException.class);

        Weapon illegible = custody.declareFound(KHARKIV, "ПМ", "ПМ", "9x18", null, java.time.Instant.now(), null);
        assertThat(illegible.serial()).startsWith("ILLEGIBLE-");
        assertThat(custody.declareFound(KHARKIV, "ПМ", "ПМ", "9x18", " ", java.time.Instant.now(), null).id())
                .isNotEqualTo(illegible.id());
    }
}
