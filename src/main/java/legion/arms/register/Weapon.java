package legion.arms.register;

import legion.shared.Actor;
import legion.shared.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import legion.arms.Serials;

/**
 * A weapon of the register. Lifecycle ({@link CustodyEvent} is the successor table): {@code RECEIVED → IN_STOCK};
 * {@code IN_STOCK ─ISSUED→ ISSUED ─RETURNED→ IN_STOCK} (returned at any point); {@code IN_STOCK ─TRANSFERRED→
 * IN_STOCK} elsewhere; lost or stolen from stock or from a holder, {@code FOUND} back into stock where declared;
 * seized from anywhere but destroyed; destroyed from stock or seizure. Every event appends one {@link CustodyEntry};
 * nothing is edited — a correction is an entry of its own. Invariants: a weapon in stock has a point and no issue,
 * an issued weapon has an issue and no point. Optimistic locking on {@link #version()}.
 */
public final class Weapon {

    /** A found weapon must be declared within this time (since November 2024). */
    public static final Duration DECLARE_WITHIN = Duration.ofHours(24);

    private final String id;
    private final String make;
    private final String model;
    private final String calibre;
    private final String serial;
    private WeaponStatus status;
    private String point;
    private String issueNumber;
    private final int version;
    private final List<CustodyEntry> pending = new ArrayList<>();

    private Weapon(String id, String make, String model, String calibre, String serial, WeaponStatus status,
                   String point, String issueNumber, int version) {
        this.id = Objects.requireNonNull(id);
        this.make = make;
        this.model = model;
        this.calibre = calibre;
        this.serial = serial;
        this.status = status;
        this.point = point;
        this.issueNumber = issueNumber;
        this.version = version;
    }

    /** A weapon as stored (no pending entries). */
    static Weapon restore(String id, String make, String model, String calibre, String serial, WeaponStatus status,
                          String point, String issueNumber, int version) {
        return new Weapon(id, make, model, calibre, serial, status, point, issueNumber, version);
    }

    /** A new weapon received into stock at a point. */
    public static Weapon receive(String id, String make, String model, String calibre, String serial, String point,
                                 Actor actor, Instant at) {
        requireText(make, "make");
        requireText(serial, "serial");
        requireText(point, "point");
        Weapon w = new Weapon(id, make.strip(), text(model), text(calibre), serial.strip(), WeaponStatus.IN_STOCK,
                point, null, 0);
        w.append(CustodyEvent.RECEIVED, actor, at, point, null, null, null, null, null, false, null, null);
        return w;
    }

    /**
     * A weapon the register did not know, found and declared at a point; {@code serial} null when it cannot be read
     * (then it is registered as {@code ILLEGIBLE-<id>}). Declared more than 24 hours after it was found: marked late.
     */
    public static Weapon foundUnknown(String id, String make, String model, String calibre, String serial,
                                      String point, Actor actor, Instant foundAt, Instant declaredAt, String note) {
        requireText(make, "make");
        requireText(point, "point");
        String s = serial == null || Serials.normalize(serial).isEmpty() ? "ILLEGIBLE-" + id : serial.strip();
        Weapon w = new Weapon(id, make.strip(), text(model), text(calibre), s, WeaponStatus.IN_STOCK, point, null, 0);
        w.append(CustodyEvent.FOUND, actor, declaredAt, point, null, null, null, null, foundAt,
                late(foundAt, declaredAt), null, note);
        return w;
    }

    /** Issues the weapon from its stock point to a holder. */
    public void issue(String number, String holderId, String atPoint, Actor actor, int rounds, int magazines,
                      Instant at) {
        guard(CustodyEvent.ISSUED);
        if (!atPoint.equals(point)) {
            throw new CustodyRefusedException(CustodyEvent.ISSUED, status); // in stock, but at another point
        }
        if (rounds < 0 || magazines < 0) {
            throw new IllegalArgumentException("rounds and magazines cannot be negative");
        }
        append(CustodyEvent.ISSUED, actor, at, atPoint, holderId, number, rounds, magazines, null, false, null, null);
        point = null;
        issueNumber = number;
    }

    /** The holder brings it back, at any point. */
    public String returnTo(String atPoint, Actor actor, Instant at, Integer rounds, Integer magazines) {
        guard(CustodyEvent.RETURNED);
        requireText(atPoint, "point");
        String issue = issueNumber;
        append(CustodyEvent.RETURNED, actor, at, atPoint, null, issue, rounds, magazines, null, false, null, null);
        point = atPoint;
        issueNumber = null;
        return issue;
    }

    public void transfer(String toPoint, Actor actor, Instant at) {
        guard(CustodyEvent.TRANSFERRED);
        requireText(toPoint, "point");
        append(CustodyEvent.TRANSFERRED, actor, at, toPoint, null, null, null, null, null, false, null, "from " + point);
        point = toPoint;
    }

    public void reportLost(Actor actor, Instant at, String note) {
        leaveCustody(CustodyEvent.REPORTED_LOST, actor, at, note);
    }

    public void reportStolen(Actor actor, Instant at, String note) {
        leaveCustody(CustodyEvent.REPORTED_STOLEN, actor, at, note);
    }

    /** A lost, stolen or unreturned weapon found and declared at a point, back in stock there. */
    public void found(String atPoint, Actor actor, Instant foundAt, Instant declaredAt, String note) {
        guard(CustodyEvent.FOUND);
        requireText(atPoint, "point");
        append(CustodyEvent.FOUND, actor, declaredAt, atPoint, null, issueNumber, null, null, foundAt,
                late(foundAt, declaredAt), null, note);
        point = atPoint;
        issueNumber = null;
    }

    public void seize(Actor actor, Instant at, String note) {
        leaveCustody(CustodyEvent.SEIZED, actor, at, note);
    }

    public void destroy(Actor actor, Instant at, String note) {
        leaveCustody(CustodyEvent.DESTROYED, actor, at, note);
    }

    /** Corrects an earlier entry with a new one saying what was wrong; the status stays. */
    public void correct(long entry, String note, Actor actor, Instant at) {
        requireText(note, "note");
        append(CustodyEvent.CORRECTED, actor, at, point, null, null, null, null, null, false, entry, note);
    }

    private void leaveCustody(CustodyEvent event, Actor actor, Instant at, String note) {
        guard(event);
        append(event, actor, at, point, null, issueNumber, null, null, null, false, null, note);
        point = null;
        if (event == CustodyEvent.SEIZED || event == CustodyEvent.DESTROYED) {
            issueNumber = null; // no holder has it any more
        }
        // lost or stolen from a holder: the issue stays open until the weapon is found, the holder answers for it
    }

    private static boolean late(Instant foundAt, Instant declaredAt) {
        return foundAt != null && Duration.between(foundAt, declaredAt).compareTo(DECLARE_WITHIN) > 0;
    }

    private void guard(CustodyEvent event) {
        if (!event.allowedFrom(status)) {
            throw new CustodyRefusedException(event, status);
        }
    }

    private void append(CustodyEvent event, Actor actor, Instant at, String atPoint, String holderId, String issue,
                        Integer rounds, Integer magazines, Instant occurredAt, boolean late, Long corrects,
                        String note) {
        status = event.leaves(status);
        pending.add(new CustodyEntry(0, event, at, actor.id(), actor.role().name(), atPoint, holderId, issue, rounds,
                magazines, status, occurredAt, late, corrects, note == null ? null : note.strip()));
    }

    private static void requireText(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    private static String text(String v) {
        return v == null ? "" : v.strip();
    }

    public String id() {
        return id;
    }

    public String make() {
        return make;
    }

    public String model() {
        return model;
    }

    public String calibre() {
        return calibre;
    }

    public String serial() {
        return serial;
    }

    public WeaponStatus status() {
        return status;
    }

    /** Where it is in stock; null when not in stock. */
    public String point() {
        return point;
    }

    /** The open issue while issued (or lost or stolen from a holder); else null. */
    public String issueNumber() {
        return issueNumber;
    }

    public int version() {
        return version;
    }

    /** Entries added since it was loaded, to be stored with it. */
    List<CustodyEntry> pending() {
        return List.copyOf(pending);
    }

    /** Whether the last entry added since it was loaded is a found weapon declared more than 24 hours late. */
    public boolean declaredLate() {
        return !pending.isEmpty() && pending.get(pending.size() - 1).late();
    }
}
