package legion.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Units are one mechanism: the roles bound to a kind of unit, and the one check "may this actor act on unit U". */
class UnitScopeTest {

    private static final Unit GB = Unit.embassy("GB");
    private static final Unit KYIV = Unit.of("ARMS_POINT", "KYIV-POLICE-01");
    private static final Unit KHARKIV = Unit.of("ARMS_POINT", "KHARKIV-TDF-127");
    private static final Unit PRISON_1 = Unit.of("PRISON", "PRISON-1");

    @Test
    void theRolesBoundToAKindOfUnit() {
        Map<Role, String> bound = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            if (r.unitKind() != null) {
                bound.put(r, r.unitKind());
            }
        }
        assertThat(bound).containsExactly(Map.entry(Role.EMBASSY_OFFICER, "EMBASSY"),
                Map.entry(Role.ISSUING_OFFICER, "ARMS_POINT"), Map.entry(Role.PRISON_OFFICER, "PRISON"),
                Map.entry(Role.SUPERVISING_OFFICER, "MILITARY_UNIT"));
    }

    @Test
    void anOfficerInAUnitActsOnlyOnThatUnitsRecords() {
        Actor armory = Actor.inUnit("armory-kyiv", Role.ISSUING_OFFICER, KYIV);
        assertThat(armory.mayActOn(Unit.parse("ARMS_POINT:KYIV-POLICE-01"))).isTrue();
        assertThat(armory.mayActOn(KHARKIV)).isFalse();
        assertThat(armory.mayActOn(Unit.of("PRISON", "KYIV-POLICE-01"))).isFalse();
        assertThat(armory.mayActOn(null)).isFalse();

        Actor embassy = Actor.officer("embassy-gb", Role.EMBASSY_OFFICER, "GB");
        assertThat(embassy.unit()).isEqualTo(GB);
        assertThat(embassy.embassyCode()).isEqualTo("GB");
        assertThat(embassy.mayActOn(GB)).isTrue();
        assertThat(embassy.mayActOn(Unit.embassy("US"))).isFalse();

        Actor prison = Actor.inUnit("prison-1", Role.PRISON_OFFICER, PRISON_1);
        assertThat(prison.mayActOn(PRISON_1)).isTrue();
        assertThat(prison.mayActOn(Unit.of("PRISON", "PRISON-2"))).isFalse();
        assertThat(prison.embassyCode()).isNull();
    }

    @Test
    void anOfficerOfNoUnitIsNotLimitedByUnitsAndAnEmbassyCodeBindsOnlyEmbassyOfficers() {
        Actor registry = Actor.inUnit("registry1", Role.REGISTRY_SUPERVISOR, null);
        assertThat(registry.mayActOn(KYIV)).isTrue();
        assertThat(registry.mayActOn(KHARKIV)).isTrue();
        Actor vetting = Actor.officer("vetting1", Role.VETTING_OFFICER, "GB");
        assertThat(vetting.unit()).isNull();
        assertThat(vetting.mayActOn(Unit.embassy("US"))).isTrue();
        Actor escort = Actor.inUnit("escort1", Role.ESCORT, PRISON_1);
        assertThat(escort.mayActOn(Unit.of("PRISON", "PRISON-2"))).isFalse();
    }

    @Test
    void aRoleBoundToAKindOfUnitNeedsOneOfThatKind() {
        assertThatThrownBy(() -> Actor.inUnit("armory-kyiv", Role.ISSUING_OFFICER, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actor.inUnit("armory-kyiv", Role.ISSUING_OFFICER, PRISON_1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actor.officer("embassy-x", Role.EMBASSY_OFFICER, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitsAreWrittenKindColonCode() {
        assertThat(Unit.parse("PRISON:LUKYANIVKA-13")).isEqualTo(Unit.of("PRISON", "LUKYANIVKA-13"));
        assertThat(KYIV.toString()).isEqualTo("ARMS_POINT:KYIV-POLICE-01");
        for (String bad : new String[] {"GB", "embassy:GB", ":GB", "EMBASSY:", "EMBASSY:gb", "EMBASSY:G B"}) {
            assertThatThrownBy(() -> Unit.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
