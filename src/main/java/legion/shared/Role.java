package legion.shared;

/** Who acts on a case. Officer roles come from PRODUCT.md; VOLUNTEER and SYSTEM are not officers. */
public enum Role {
    VOLUNTEER, SYSTEM,
    EMBASSY_OFFICER, VETTING_OFFICER, BORDER_GUARD, RECEPTION_OFFICER, ANALYST, ADMINISTRATOR,
    // Program 3, service for release (the platform's unit scopes give each its unit)
    PRISON_OFFICER, MEDICAL_BOARD, UNIT_COMMANDER, PROSECUTOR, COURT_CLERK, ESCORT, TCC_OFFICER, SUPERVISING_OFFICER;

    public boolean isOfficer() {
        return this != VOLUNTEER && this != SYSTEM;
    }
}
