package legion.arms.demo;

import java.util.List;

import org.springframework.stereotype.Component;

import legion.access.DemoOfficers;
import legion.shared.Role;
import legion.shared.Unit;

/** The arms register's demo officers (PRODUCT.md, Program 2), seeded by the platform on first start. */
@Component
class ArmsDemoOfficers implements DemoOfficers {

    static final List<DemoOfficer> OFFICERS = List.of(
            new DemoOfficer("armory-kyiv", "Issuing officer, Kyiv police", Role.ISSUING_OFFICER,
                    Unit.of(Unit.ARMS_POINT, "KYIV-POLICE-01")),
            new DemoOfficer("armory-kyiv-2", "Issuing officer, Kyiv police (second desk)", Role.ISSUING_OFFICER,
                    Unit.of(Unit.ARMS_POINT, "KYIV-POLICE-01")),
            new DemoOfficer("armory-kyiv-tdf", "Issuing officer, Kyiv territorial defence", Role.ISSUING_OFFICER,
                    Unit.of(Unit.ARMS_POINT, "KYIV-TDF-112")),
            new DemoOfficer("armory-kharkiv", "Issuing officer, Kharkiv territorial defence", Role.ISSUING_OFFICER,
                    Unit.of(Unit.ARMS_POINT, "KHARKIV-TDF-127")),
            new DemoOfficer("armory-odesa", "Issuing officer, Odesa territorial defence", Role.ISSUING_OFFICER,
                    Unit.of(Unit.ARMS_POINT, "ODESA-TDF-122")),
            new DemoOfficer("armory-lviv", "Issuing officer, Lviv police", Role.ISSUING_OFFICER,
                    Unit.of(Unit.ARMS_POINT, "LVIV-POLICE-01")),
            new DemoOfficer("registry1", "Registry supervisor", Role.REGISTRY_SUPERVISOR, null),
            new DemoOfficer("police1", "Police investigator", Role.POLICE_INVESTIGATOR, null));

    @Override
    public List<DemoOfficer> demoOfficers() {
        return OFFICERS;
    }
}
