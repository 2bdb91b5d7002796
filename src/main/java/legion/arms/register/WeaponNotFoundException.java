package legion.arms.register;

/** No weapon of this make and serial in the register (a 404). */
public final class WeaponNotFoundException extends legion.shared.Refused {

    public WeaponNotFoundException() {
        super("no weapon of this make and serial in the register");
    }

    @Override
    public org.springframework.http.HttpStatus status() {
        return org.springframework.http.HttpStatus.NOT_FOUND;
    }

    @Override
    public String title() {
        return "No such weapon";
    }
}
