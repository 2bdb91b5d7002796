package legion.arms.register;

/** A weapon of this make and serial (compared normalised) is in the register already: a 409. */
public final class DuplicateWeaponException extends RuntimeException {

    public DuplicateWeaponException() {
        super("a weapon of this make and serial is registered already");
    }
}
