package legion.demo;

import java.util.List;

import org.springframework.stereotype.Component;

import legion.access.DemoOfficers;
import legion.shared.Role;
import legion.shared.Unit;

/** The International Legion's demo officers (PRODUCT.md "Officers' API"), seeded by the platform on first start. */
@Component
class LegionDemoOfficers implements DemoOfficers {

    static final List<DemoOfficer> OFFICERS = List.of(
            new DemoOfficer("admin", "Administrator", Role.ADMINISTRATOR, null),
            new DemoOfficer("vetting1", "HQ vetting officer 1", Role.VETTING_OFFICER, null),
            new DemoOfficer("vetting2", "HQ vetting officer 2", Role.VETTING_OFFICER, null),
            new DemoOfficer("embassy-us", "Embassy officer, Washington", Role.EMBASSY_OFFICER, Unit.embassy("US")),
            new DemoOfficer("embassy-gb", "Embassy officer, London", Role.EMBASSY_OFFICER, Unit.embassy("GB")),
            new DemoOfficer("embassy-de", "Embassy officer, Berlin", Role.EMBASSY_OFFICER, Unit.embassy("DE")),
            new DemoOfficer("embassy-pl", "Embassy officer, Warsaw", Role.EMBASSY_OFFICER, Unit.embassy("PL")),
            new DemoOfficer("embassy-hq", "HQ central queue officer", Role.EMBASSY_OFFICER, Unit.embassy("HQ")),
            new DemoOfficer("border1", "Border guard", Role.BORDER_GUARD, null),
            new DemoOfficer("reception1", "Reception officer", Role.RECEPTION_OFFICER, null),
            new DemoOfficer("analyst1", "Analyst", Role.ANALYST, null));

    @Override
    public List<DemoOfficer> demoOfficers() {
        return OFFICERS;
    }
}
