package legion.arms.register;

/** An event that the weapon's status does not allow (a 409: the weapon is not where the request assumes). */
public final class CustodyRefusedException extends RuntimeException {

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

    public WeaponStatus status() {
        return status;
    }
}
