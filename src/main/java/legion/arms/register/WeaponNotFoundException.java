package legion.arms.register;

/** No weapon of this make and serial in the register (a 404). */
public final class WeaponNotFoundException extends RuntimeException {

    public WeaponNotFoundException() {
        super("no weapon of this make and serial in the register");
    }
}
