package legion.parole;

import java.util.List;

import org.springframework.stereotype.Component;

import legion.access.DemoOfficers;
import legion.shared.Role;
import legion.shared.Unit;

/** Program 3's demo officers: {@code prison-1} (facility UA-PRISON-1) and one officer of every other parole role. */
@Component
class ParoleDemoOfficers implements DemoOfficers {

    static final Unit FACILITY = Unit.of(Unit.PRISON, "UA-PRISON-1");
    static final Unit MILITARY_UNIT = Unit.of(Unit.MILITARY_UNIT, "A4321");

    @Override
    public List<DemoOfficer> demoOfficers() {
        return List.of(
                new DemoOfficer("prison-1", "Prison officer, facility UA-PRISON-1", Role.PRISON_OFFICER, FACILITY),
                new DemoOfficer("medical-1", "Military medical board", Role.MEDICAL_BOARD, null),
                new DemoOfficer("commander-1", "Commander, unit A4321", Role.UNIT_COMMANDER, MILITARY_UNIT),
                new DemoOfficer("prosecutor-1", "Prosecutor", Role.PROSECUTOR, null),
                new DemoOfficer("clerk-1", "Court clerk", Role.COURT_CLERK, null),
                new DemoOfficer("escort-1", "Escort", Role.ESCORT, null),
                new DemoOfficer("tcc-1", "Recruitment centre (TCC) officer", Role.TCC_OFFICER, null),
                new DemoOfficer("supervisor-1", "Supervising officer, unit A4321", Role.SUPERVISING_OFFICER,
                        MILITARY_UNIT));
    }
}
