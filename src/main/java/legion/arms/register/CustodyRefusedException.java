package legion.arms.register;

/** An event that the weapon's status does not allow (a 409: the weapon is not where the request assumes). */
public final class CustodyRefusedException extends legion.shared.Refused {

    private final CustodyEvent event;
    private final WeaponStatus status;

    public CustodyRefusedException(CustodyEvent event, WeaponStatus status) {
        super(event + " refused: the weapon is " + status);
        this.event = event;
        this.status = status;
    }

    public CustodyEvent event() {
        return event;
    }

    public WeaponStatus weaponStatus() {
        return status;
    }

    @Override
    public org.springframework.http.HttpStatus status() {
        return org.springframework.http.HttpStatus.CONFLICT;
    }

    @Override
    public String title() {
        return "The weapon is not where this needs it";
    }

    @Override
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of("refusal", "WEAPON_" + status.name(), "event", event.name());
    }
}
