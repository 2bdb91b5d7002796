package legion.arms.register;

/** Where a weapon is. */
public enum WeaponStatus {
    /** In stock at an issuing point (the weapon's point). */
    IN_STOCK,
    /** Issued to a holder under an open issue. */
    ISSUED,
    /** Reported lost. */
    LOST,
    /** Reported stolen. */
    STOLEN,
    /** Seized by the police. */
    SEIZED,
    /** Destroyed; final. */
    DESTROYED
}
