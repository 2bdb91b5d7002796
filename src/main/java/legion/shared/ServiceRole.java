package legion.shared;

/** The roles a volunteer can serve in (PRODUCT.md "Roles offered"). */
public enum ServiceRole {
    INFANTRY(true), COMBAT_MEDIC(true),
    MEDIC(false), COOK(false), DRIVER(false), LOGISTICS(false), INTERPRETER(false), OTHER_SUPPORT(false);

    private final boolean combat;

    ServiceRole(boolean combat) {
        this.combat = combat;
    }

    public boolean isCombat() {
        return combat;
    }
}
