package legion.access;

import java.util.List;

import legion.shared.Role;
import legion.shared.Unit;

/**
 * What a program contributes to the demo: its demo officers with their units (a Spring bean of the program). The
 * platform seeds every contributed officer that does not exist yet, with {@code legion.demo.password} and
 * {@code legion.demo.totp-secret}, before any program's own demo data ({@link DemoOfficerSeeding}), so programs add
 * officers without editing each other's code.
 */
public interface DemoOfficers {

    List<DemoOfficer> demoOfficers();

    /**
     * One demo officer.
     *
     * @param unit the unit they work in, or null (HQ roles)
     */
    record DemoOfficer(String username, String displayName, Role role, Unit unit) {

        public DemoOfficer {
            legion.shared.Actor.inUnit(username, role, unit); // the role's unit rule
        }
    }
}
