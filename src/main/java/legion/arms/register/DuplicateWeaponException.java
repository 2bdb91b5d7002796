package legion.arms.register;

/** A weapon of this make and serial (compared normalised) is in the register already: a 409. */
public final class DuplicateWeaponException extends legion.shared.Refused {

    public DuplicateWeaponException() {
        super("a weapon of this make and serial is registered already");
    }

    @Override
    public org.springframework.http.HttpStatus status() {
        return org.springframework.http.HttpStatus.CONFLICT;
    }

    @Override
    public String title() {
        return "Weapon already registered";
    }

    @Override
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of("refusal", "DUPLICATE_WEAPON");
    }
}
