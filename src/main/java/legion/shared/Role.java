package legion.shared;

/**
 * Who acts. Officer roles come from PRODUCT.md, for each program; VOLUNTEER and SYSTEM are not officers. Some roles
 * always work in one unit (an embassy officer in one embassy, an issuing officer at one issuing point, a prison
 * officer in one facility, a supervising officer in one military unit): {@link #unitKind()}.
 */
public enum Role {
    VOLUNTEER, SYSTEM,
    // The International Legion
    EMBASSY_OFFICER(Unit.EMBASSY), VETTING_OFFICER, BORDER_GUARD, RECEPTION_OFFICER, ANALYST, ADMINISTRATOR,
    // The arms register
    ISSUING_OFFICER(Unit.ARMS_POINT), REGISTRY_SUPERVISOR, POLICE_INVESTIGATOR,
    // Service for release
    PRISON_OFFICER(Unit.PRISON), MEDICAL_BOARD, UNIT_COMMANDER, PROSECUTOR, COURT_CLERK, ESCORT, TCC_OFFICER,
    SUPERVISING_OFFICER(Unit.MILITARY_UNIT);

    private final String unitKind;

    Role() {
        this(null);
    }

    Role(String unitKind) {
        this.unitKind = unitKind;
    }

    public boolean isOfficer() {
        return this != VOLUNTEER && this != SYSTEM;
    }

    /** The kind of unit an officer of this role always works in, or null when the role is not bound to one. */
    public String unitKind() {
        return unitKind;
    }
}
