package legion.arms.register;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.audit.AuditLog;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * The custody events other than stock, issue and return, each one transaction with its audit entry: transfers
 * between points, weapons reported lost or stolen, found and declared (the 24-hour rule), seized, destroyed, and
 * corrections of earlier entries (a new entry, never an edit).
 */
@Service
public class CustodyDesk {

    private final Weapons weapons;
    private final Issues issues;
    private final AuditLog audit;
    private final Clock clock;

    CustodyDesk(Weapons weapons, Issues issues, AuditLog audit, ObjectProvider<Clock> clock) {
        this.weapons = weapons;
        this.issues = issues;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Moves a weapon in stock at the officer's point to another point; returns it. */
    @Transactional
    public Weapon transfer(Actor desk, String make, String serial, String toPoint) {
        allow(desk, Set.of(Role.ISSUING_OFFICER, Role.REGISTRY_SUPERVISOR));
        if (toPoint == null || !weapons.pointExists(toPoint.strip())) {
            throw new legion.shared.InvalidInputException("toPoint", "point");
        }
        toPoint = toPoint.strip();
        Weapon w = find(make, serial);
        if (desk.role() == Role.ISSUING_OFFICER && !desk.mayActOn(w.point() == null ? null : Points.unit(w.point()))) {
            throw new CustodyRefusedException(CustodyEvent.TRANSFERRED, w.status());
        }
        if (toPoint.equals(w.point())) {
            throw new legion.shared.InvalidInputException("toPoint", "samePoint");
        }
        w.transfer(toPoint, desk, clock.instant());
        store(desk, w, "ARMS_WEAPON_TRANSFERRED", "to " + toPoint);
        return w;
    }

    /** A weapon reported lost ({@code stolen} false) or stolen, from stock or by its holder. */
    @Transactional
    public Weapon reportMissing(Actor desk, String make, String serial, boolean stolen, String note) {
        allow(desk, Set.of(Role.ISSUING_OFFICER, Role.REGISTRY_SUPERVISOR, Role.POLICE_INVESTIGATOR));
        Weapon w = find(make, serial);
        if (stolen) {
            w.reportStolen(desk, clock.instant(), note);
        } else {
            w.reportLost(desk, clock.instant(), note);
        }
        store(desk, w, stolen ? "ARMS_WEAPON_REPORTED_STOLEN" : "ARMS_WEAPON_REPORTED_LOST", null);
        return w;
    }

    /**
     * A found weapon declared or surrendered at the officer's point: a registered one back in stock there, an
     * unknown one (or one whose serial cannot be read, {@code serial} null) registered now. Declared more than
     * 24 hours after {@code foundAt}: recorded as late. Returns the weapon.
     */
    @Transactional
    public Weapon declareFound(Actor desk, String make, String model, String calibre, String serial, Instant foundAt,
                               String note) {
        allow(desk, Set.of(Role.ISSUING_OFFICER));
        Instant now = clock.instant();
        if (foundAt == null || foundAt.isAfter(now)) {
            throw new IllegalArgumentException("foundAt is required and cannot be in the future");
        }
        Weapon known = serial == null || serial.isBlank() ? null : weapons.findBySerial(make, serial).orElse(null);
        if (known != null) {
            String open = known.issueNumber();
            known.found(Points.of(desk), desk, foundAt, now, note);
            closeIfEnded(open, known, Points.of(desk), now);
            store(desk, known, "ARMS_WEAPON_FOUND", "point " + Points.of(desk));
            return known;
        }
        Weapon w = Weapon.foundUnknown(UUID.randomUUID().toString(), make, model, calibre, serial, Points.of(desk), desk,
                foundAt, now, note);
        weapons.insert(w, now);
        audit.append(desk.id(), desk.role().name(), "ARMS_WEAPON_FOUND", w.id(), "point " + Points.of(desk)
                + ", not in the register before");
        return w;
    }

    /** Seized by the police, for a case when one is given (in the audit entry); returns the weapon. */
    @Transactional
    public Weapon seize(Actor desk, String make, String serial, String caseNumber, String note) {
        allow(desk, Set.of(Role.POLICE_INVESTIGATOR));
        if (caseNumber != null) {
            ArmsRegister.requireCaseNumber(caseNumber);
        }
        Weapon w = find(make, serial);
        String open = w.issueNumber();
        w.seize(desk, clock.instant(), note);
        closeIfEnded(open, w, null, clock.instant());
        store(desk, w, "ARMS_WEAPON_SEIZED", caseNumber == null ? null : "case " + caseNumber.strip());
        return w;
    }

    @Transactional
    public Weapon destroy(Actor desk, String make, String serial, String note) {
        allow(desk, Set.of(Role.REGISTRY_SUPERVISOR));
        Weapon w = find(make, serial);
        String open = w.issueNumber();
        w.destroy(desk, clock.instant(), note);
        closeIfEnded(open, w, null, clock.instant());
        store(desk, w, "ARMS_WEAPON_DESTROYED", null);
        return w;
    }

    /** Corrects an earlier entry of the weapon's history with a new entry saying what was wrong. */
    @Transactional
    public Weapon correct(Actor desk, String make, String serial, long entry, String note) {
        allow(desk, Set.of(Role.REGISTRY_SUPERVISOR, Role.ISSUING_OFFICER));
        Weapon w = find(make, serial);
        if (weapons.history(w.id()).stream().noneMatch(e -> e.seq() == entry)) {
            throw new legion.shared.InvalidInputException("entry", "notInHistory");
        }
        w.correct(entry, note, desk, clock.instant());
        store(desk, w, "ARMS_ENTRY_CORRECTED", "entry " + entry);
        return w;
    }

    /** The issue a found, seized or destroyed weapon was under ends: its holder no longer holds it. */
    private void closeIfEnded(String issue, Weapon w, String point, Instant at) {
        if (issue != null && w.issueNumber() == null) {
            issues.close(issue, point, at);
        }
    }

    private Weapon find(String make, String serial) {
        return weapons.findBySerial(make, serial).orElseThrow(WeaponNotFoundException::new);
    }

    private void store(Actor desk, Weapon w, String action, String detail) {
        weapons.update(w);
        audit.append(desk.id(), desk.role().name(), action, w.id(), detail);
    }

    private static void allow(Actor desk, Set<Role> roles) {
        if (!roles.contains(desk.role())) {
            throw new SecurityException("not for " + desk.role());
        }
    }
}
