package legion.arms.register;

import legion.shared.Actor;
import legion.shared.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WeaponTest {

    private static final Actor KYIV = Actor.inUnit("armory-kyiv", Role.ISSUING_OFFICER, Points.unit("KYIV-POLICE-01"));
    private static final Instant T = Instant.parse("2022-03-01T09:00:00Z");

    /** The successor table, pinned: for each event, the statuses it leaves from. */
    private static final Map<CustodyEvent, Set<WeaponStatus>> FROM = Map.of(
            CustodyEvent.RECEIVED, EnumSet.noneOf(WeaponStatus.class),
            CustodyEvent.ISSUED, EnumSet.of(WeaponStatus.IN_STOCK),
            CustodyEvent.RETURNED, EnumSet.of(WeaponStatus.ISSUED),
            CustodyEvent.TRANSFERRED, EnumSet.of(WeaponStatus.IN_STOCK),
            CustodyEvent.REPORTED_LOST, EnumSet.of(WeaponStatus.IN_STOCK, WeaponStatus.ISSUED),
            CustodyEvent.REPORTED_STOLEN, EnumSet.of(WeaponStatus.IN_STOCK, WeaponStatus.ISSUED),
            CustodyEvent.FOUND, EnumSet.of(WeaponStatus.LOST, WeaponStatus.STOLEN, WeaponStatus.ISSUED),
            CustodyEvent.SEIZED, EnumSet.of(WeaponStatus.IN_STOCK, WeaponStatus.ISSUED, WeaponStatus.LOST,
                    WeaponStatus.STOLEN),
            CustodyEvent.DESTROYED, EnumSet.of(WeaponStatus.IN_STOCK, WeaponStatus.SEIZED),
            CustodyEvent.CORRECTED, EnumSet.allOf(WeaponStatus.class));

    private static final Map<CustodyEvent, WeaponStatus> TO = Map.of(
            CustodyEvent.RECEIVED, WeaponStatus.IN_STOCK, CustodyEvent.ISSUED, WeaponStatus.ISSUED,
            CustodyEvent.RETURNED, WeaponStatus.IN_STOCK, CustodyEvent.TRANSFERRED, WeaponStatus.IN_STOCK,
            CustodyEvent.REPORTED_LOST, WeaponStatus.LOST, CustodyEvent.REPORTED_STOLEN, WeaponStatus.STOLEN,
            CustodyEvent.FOUND, WeaponStatus.IN_STOCK, CustodyEvent.SEIZED, WeaponStatus.SEIZED,
            CustodyEvent.DESTROYED, WeaponStatus.DESTROYED);

    @Test
    void successorTableIsPinned() {
        for (CustodyEvent e : CustodyEvent.values()) {
            for (WeaponStatus s : WeaponStatus.values()) {
                assertThat(e.allowedFrom(s)).as(e + " from " + s).isEqualTo(FROM.get(e).contains(s));
                if (e != CustodyEvent.CORRECTED) {
                    assertThat(e.leaves(s)).isEqualTo(TO.get(e));
                } else {
                    assertThat(e.leaves(s)).isEqualTo(s);
                }
            }
        }
    }

    /** A weapon brought into the given status by allowed events. */
    private static Weapon in(WeaponStatus status) {
        Weapon w = Weapon.receive("w1", "АКМ", "АКМ", "7.62x39", "ВД 7914", "KYIV-POLICE-01", KYIV, T);
        switch (status) {
            case IN_STOCK -> { }
            case ISSUED -> w.issue("ARM-0000-0001", "h1", "KYIV-POLICE-01", KYIV, 90, 3, T);
            case LOST -> w.reportLost(KYIV, T, null);
            case STOLEN -> w.reportStolen(KYIV, T, null);
            case SEIZED -> w.seize(KYIV, T, null);
            case DESTROYED -> w.destroy(KYIV, T, null);
        }
        assertThat(w.status()).isEqualTo(status);
        return w;
    }

    private static void apply(Weapon w, CustodyEvent e) {
        switch (e) {
            case ISSUED -> w.issue("ARM-0000-0002", "h2", "KYIV-POLICE-01", KYIV, 10, 1, T);
            case RETURNED -> w.returnTo("LVIV-POLICE-01", KYIV, T, 10, 1);
            case TRANSFERRED -> w.transfer("LVIV-POLICE-01", KYIV, T);
            case REPORTED_LOST -> w.reportLost(KYIV, T, "lost");
            case REPORTED_STOLEN -> w.reportStolen(KYIV, T, "stolen");
            case FOUND -> w.found("KYIV-POLICE-02", KYIV, T, T.plusSeconds(60), "found");
            case SEIZED -> w.seize(KYIV, T, "seized");
            case DESTROYED -> w.destroy(KYIV, T, "destroyed");
            case CORRECTED -> w.correct(1, "rounds were 80, not 90", KYIV, T);
            case RECEIVED -> throw new IllegalStateException();
        }
    }

    @ParameterizedTest
    @EnumSource(WeaponStatus.class)
    void everyEventIsAllowedExactlyFromItsStatusesAndLeavesAnEntry(WeaponStatus status) {
        for (CustodyEvent e : CustodyEvent.values()) {
            if (e == CustodyEvent.RECEIVED) {
                continue;
            }
            Weapon w = in(status);
            int before = w.pending().size();
            if (FROM.get(e).contains(status)) {
                apply(w, e);
                assertThat(w.pending()).hasSize(before + 1);
                CustodyEntry last = w.pending().get(before);
                assertThat(last.event()).isEqualTo(e);
                assertThat(last.statusAfter()).isEqualTo(w.status()).isEqualTo(e.leaves(status));
                assertThat(w.status() == WeaponStatus.IN_STOCK).isEqualTo(w.point() != null);
            } else {
                assertThatThrownBy(() -> apply(w, e)).as(e + " from " + status)
                        .isInstanceOf(CustodyRefusedException.class);
                assertThat(w.status()).isEqualTo(status);
                assertThat(w.pending()).hasSize(before);
            }
        }
    }

    @Test
    void anIssueNeedsTheWeaponAtTheIssuingPointAndAReturnClosesIt() {
        Weapon w = in(WeaponStatus.IN_STOCK);
        assertThatThrownBy(() -> w.issue("ARM-1", "h1", "LVIV-POLICE-01", KYIV, 1, 1, T))
                .isInstanceOf(CustodyRefusedException.class);
        w.issue("ARM-1", "h1", "KYIV-POLICE-01", KYIV, 1, 1, T);
        assertThat(w.point()).isNull();
        assertThat(w.issueNumber()).isEqualTo("ARM-1");
        assertThat(w.returnTo("LVIV-POLICE-01", KYIV, T, null, null)).isEqualTo("ARM-1");
        assertThat(w.point()).isEqualTo("LVIV-POLICE-01");
        assertThat(w.issueNumber()).isNull();
    }

    @Test
    void aFoundWeaponDeclaredAfterMoreThan24HoursIsLateAndAnIllegibleSerialGetsAPlaceholder() {
        Weapon onTime = in(WeaponStatus.LOST);
        onTime.found("KYIV-POLICE-02", KYIV, T, T.plus(Duration.ofHours(24)), null);
        assertThat(onTime.pending().get(onTime.pending().size() - 1).late()).isFalse();

        Weapon late = in(WeaponStatus.STOLEN);
        late.found("KYIV-POLICE-02", KYIV, T, T.plus(Duration.ofHours(24)).plusSeconds(1), null);
        assertThat(late.pending().get(late.pending().size() - 1)).satisfies(e -> {
            assertThat(e.late()).isTrue();
            assertThat(e.occurredAt()).isEqualTo(T);
        });

        Weapon unknown = Weapon.foundUnknown("w9", "ПМ", "ПМ", "9x18", " - ", "ODESA-TDF-122", KYIV, T,
                T.plus(Duration.ofDays(3)), "serial filed off");
        assertThat(unknown.serial()).isEqualTo("ILLEGIBLE-w9");
        assertThat(unknown.status()).isEqualTo(WeaponStatus.IN_STOCK);
        assertThat(unknown.pending()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(CustodyEvent.FOUND);
            assertThat(e.late()).isTrue();
        });
    }
}
