package legion.eligibility;

import java.util.EnumMap;
import java.util.Map;

import legion.shared.ServiceRole;

/**
 * The roles offered (PRODUCT.md "Roles offered") and the requirements each has in the shipped policy. Combat roles:
 * infantry and combat medics; support roles: medics, cooks, drivers (incl. vehicle repair), logistics, interpreters,
 * other support. Medics of both kinds need a medical qualification; other requirements (military experience,
 * combat deployments, English) are set per policy version by administrators.
 */
public final class RoleCatalogue {

    private RoleCatalogue() {
    }

    /** The requirements of each role in the shipped default policy. */
    public static Map<ServiceRole, RoleRequirements> baseRequirements() {
        Map<ServiceRole, RoleRequirements> m = new EnumMap<>(ServiceRole.class);
        for (ServiceRole r : ServiceRole.values()) {
            m.put(r, RoleRequirements.NONE);
        }
        m.put(ServiceRole.COMBAT_MEDIC, new RoleRequirements(false, false, false, true));
        m.put(ServiceRole.MEDIC, new RoleRequirements(false, false, false, true));
        return m;
    }
}
