package legion.arms.register;

/** Someone else changed the weapon first (another desk issued it a moment earlier): a 409, nothing changed. */
public final class WeaponConflictException extends RuntimeException {

    public WeaponConflictException() {
        super("the weapon was changed by another request; look it up again");
    }
}
