package legion.eligibility;

/**
 * What a policy requires of volunteers for one role. A medical qualification cannot be proven by the application
 * form, so requiring one makes the case {@link Outcome#NEEDS_REVIEW} (to be verified from documents).
 */
public record RoleRequirements(boolean militaryExperience, boolean combatDeployments, boolean english,
                               boolean medicalQualification) {

    public static final RoleRequirements NONE = new RoleRequirements(false, false, false, false);
}
