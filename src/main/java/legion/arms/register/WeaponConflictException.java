package legion.arms.register;

/** Someone else changed the weapon first (another desk issued it a moment earlier): a 409, nothing changed. */
public final class WeaponConflictException extends legion.shared.Refused {

    public WeaponConflictException() {
        super("the weapon was changed by another request; look it up again");
    }

    @Override
    public org.springframework.http.HttpStatus status() {
        return org.springframework.http.HttpStatus.CONFLICT;
    }

    @Override
    public String title() {
        return "Changed by another request";
    }

    @Override
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of("refusal", "CONCURRENT_CHANGE");
    }
}
