package legion.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import legion.access.DemoOfficers.DemoOfficer;
import legion.shared.Role;
import legion.shared.Unit;
import legion.support.LegionIntegrationTest;

/** Programs contribute demo officers with their units; the platform seeds each one missing, once. */
@LegionIntegrationTest
class DemoOfficersTest {

    @Autowired
    DemoOfficerSeeding seeding;
    @Autowired
    Officers officers;

    @Test
    void theLegionsOfficersAreSeededWithTheirEmbassiesAsUnits() {
        assertThat(officers.find("embassy-gb").orElseThrow().unit()).isEqualTo(Unit.embassy("GB"));
        assertThat(officers.find("embassy-gb").orElseThrow().actor().embassyCode()).isEqualTo("GB");
        assertThat(officers.find("vetting1").orElseThrow().unit()).isNull();
        assertThat(officers.find("admin").orElseThrow().role()).isEqualTo(Role.ADMINISTRATOR);
    }

    @Test
    void anotherProgramsOfficerIsSeededOnceWithItsUnit() {
        String name = "armory-" + System.nanoTime();
        var armory = new DemoOfficer(name, "Issuing officer, Kyiv police", Role.ISSUING_OFFICER,
                Unit.of(Unit.ARMS_POINT, "KYIV-POLICE-01"));
        assertThat(seeding.seed(List.of(armory))).containsExactly(name);
        assertThat(seeding.seed(List.of(armory))).isEmpty();
        OfficerPrincipal p = officers.find(name).orElseThrow();
        assertThat(p.unit()).isEqualTo(Unit.parse("ARMS_POINT:KYIV-POLICE-01"));
        assertThat(p.embassyCode()).isNull();
        assertThat(p.actor().mayActOn(Unit.of(Unit.ARMS_POINT, "KYIV-POLICE-01"))).isTrue();
        assertThat(p.actor().mayActOn(Unit.of(Unit.ARMS_POINT, "KHARKIV-TDF-127"))).isFalse();
    }

    @Test
    void anOfficerWithoutTheUnitTheirRoleNeedsIsRefused() {
        assertThatThrownBy(() -> new DemoOfficer("prison-x", "Prison officer", Role.PRISON_OFFICER, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> officers.createInUnit("prison-y", "Prison officer", "a-long-password",
                Role.PRISON_OFFICER, Unit.embassy("GB"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(officers.exists("prison-y")).isFalse();
    }
}
