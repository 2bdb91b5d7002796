package legion.arms.register;

import java.util.EnumSet;
import java.util.Set;

/**
 * The successor table of a weapon: each custody event, the statuses it may happen in and the status it leaves.
 * {@link #RECEIVED} starts a weapon's history; {@link #CORRECTED} changes no status (it corrects an earlier entry).
 */
public enum CustodyEvent {
    RECEIVED(EnumSet.noneOf(WeaponStatus.class), WeaponStatus.IN_STOCK),
    ISSUED(EnumSet.of(WeaponStatus.IN_STOCK), WeaponStatus.ISSUED),
    RETURNED(EnumSet.of(WeaponStatus.ISSUED), WeaponStatus.IN_STOCK),
    TRANSFERRED(EnumSet.of(WeaponStatus.IN_STOCK), WeaponStatus.IN_STOCK),
    REPORTED_LOST(EnumSet.of(WeaponStatus.IN_STOCK, WeaponStatus.ISSUED), WeaponStatus.LOST),
    REPORTED_STOLEN(EnumSet.of(WeaponStatus.IN_STOCK, WeaponStatus.ISSUED), WeaponStatus.STOLEN),
    /** Found and declared (or surrendered) at a point: back in stock there; a weapon unknown to the register starts so. */
    FOUND(EnumSet.of(WeaponStatus.LOST, WeaponStatus.STOLEN, WeaponStatus.ISSUED), WeaponStatus.IN_STOCK),
    SEIZED(EnumSet.of(WeaponStatus.IN_STOCK, WeaponStatus.ISSUED, WeaponStatus.LOST, WeaponStatus.STOLEN),
            WeaponStatus.SEIZED),
    DESTROYED(EnumSet.of(WeaponStatus.IN_STOCK, WeaponStatus.SEIZED), WeaponStatus.DESTROYED),
    CORRECTED(EnumSet.allOf(WeaponStatus.class), null);

    private final Set<WeaponStatus> from;
    private final WeaponStatus to;

    CustodyEvent(Set<WeaponStatus> from, WeaponStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(WeaponStatus status) {
        return from.contains(status);
    }

    /** The status after the event; {@code current} for a correction. */
    public WeaponStatus leaves(WeaponStatus current) {
        return to == null ? current : to;
    }
}
