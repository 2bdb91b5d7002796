package legion.shared;

/** Who acts on a case. Officer roles come from PRODUCT.md; VOLUNTEER and SYSTEM are not officers. */
public enum Role {
    VOLUNTEER, SYSTEM,
    EMBASSY_OFFICER, VETTING_OFFICER, BORDER_GUARD, RECEPTION_OFFICER, ANALYST, ADMINISTRATOR;

    public boolean isOfficer() {
        return this != VOLUNTEER && this != SYSTEM;
    }
}
