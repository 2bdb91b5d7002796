package legion.eligibility;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import legion.shared.CountryCodes;
import legion.shared.ServiceRole;

/**
 * The parameters of an eligibility policy version: what an administrator sets when publishing one.
 *
 * @param excludedNationalities ISO 3166-1 alpha-2 codes whose citizens are not eligible
 * @param roles                 requirements per role; a role not listed has none
 */
public record PolicyParameters(int minAge, int maxAge, int minPassportValidityMonths,
                               Set<String> excludedNationalities, Map<ServiceRole, RoleRequirements> roles) {

    public PolicyParameters {
        if (minAge < 0 || maxAge > 150 || minAge > maxAge) {
            throw new IllegalArgumentException("ages must satisfy 0 <= min <= max <= 150");
        }
        if (minPassportValidityMonths < 0 || minPassportValidityMonths > 120) {
            throw new IllegalArgumentException("passport validity must be 0 to 120 months");
        }
        excludedNationalities = excludedNationalities == null ? Set.of() : Set.copyOf(new TreeSet<>(excludedNationalities));
        for (String c : excludedNationalities) {
            if (!CountryCodes.isValid(c)) {
                throw new IllegalArgumentException("not a country code");
            }
        }
        Map<ServiceRole, RoleRequirements> copy = new EnumMap<>(ServiceRole.class);
        if (roles != null) {
            copy.putAll(roles);
        }
        roles = Map.copyOf(copy);
    }

    /**
     * The shipped default (PRODUCT.md, the requirements of the real legion): age 18–60 on the day of application,
     * a passport valid for at least 6 months, the given excluded nationalities, and the role catalogue's
     * requirements (a medical qualification for medics).
     */
    public static PolicyParameters defaults(Set<String> excludedNationalities) {
        return new PolicyParameters(18, 60, 6, excludedNationalities, RoleCatalogue.baseRequirements());
    }

    /**
     * These parameters with the given changes; null keeps the current value, and roles not given keep their
     * requirements.
     */
    public PolicyParameters amend(Integer minAge, Integer maxAge, Integer minPassportValidityMonths,
                                  Set<String> excludedNationalities, Map<ServiceRole, RoleRequirements> roleChanges) {
        Map<ServiceRole, RoleRequirements> merged = new EnumMap<>(ServiceRole.class);
        merged.putAll(roles);
        if (roleChanges != null) {
            merged.putAll(roleChanges);
        }
        return new PolicyParameters(minAge == null ? this.minAge : minAge, maxAge == null ? this.maxAge : maxAge,
                minPassportValidityMonths == null ? this.minPassportValidityMonths : minPassportValidityMonths,
                excludedNationalities == null ? this.excludedNationalities : excludedNationalities, merged);
    }

    public RoleRequirements requirementsOf(ServiceRole role) {
        return roles.getOrDefault(role, RoleRequirements.NONE);
    }
}
