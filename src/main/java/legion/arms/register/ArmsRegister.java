package legion.arms.register;

import legion.shared.Actor;
import legion.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.audit.AuditLog;
import legion.authorization.Seals;
import legion.parole.ConvictCheck;
import legion.rules.Assessment;
import legion.rules.RuleEngine;
import legion.rules.Rulebook;

/**
 * The register's use cases, each one transaction with its audit entry: receiving weapons into stock, issuing one to
 * a holder under the arms policy, taking one back at any point, and tracing a weapon for a police case.
 */
@Service
public class ArmsRegister {

    private final Weapons weapons;
    private final Holders holders;
    private final Issues issues;
    private final Rulebook<IssueCheck, ArmsPolicy> rules;
    private final AuditLog audit;
    private final Seals seals;
    private final Clock clock;
    private final MartialLaw martialLaw;
    private final ConvictCheck convicts;

    ArmsRegister(Weapons weapons, Holders holders, Issues issues, RuleEngine engine, ArmsRules program,
                 AuditLog audit, Seals seals, MartialLaw martialLaw, ConvictCheck convicts,
                 ObjectProvider<Clock> clock) {
        this.martialLaw = martialLaw;
        this.convicts = convicts;
        this.seals = seals;
        this.weapons = weapons;
        this.holders = holders;
        this.issues = issues;
        this.rules = engine.rulebook(program);
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What an issuing officer types to stock a weapon at their point. */
    public record Stock(String make, String model, String calibre, String serial) {
    }

    /** A weapon received into stock at the officer's point; returns it. */
    @Transactional
    public Weapon stock(Actor desk, Stock s) {
        requireRole(desk, Role.ISSUING_OFFICER);
        Instant now = clock.instant();
        Weapon w = Weapon.receive(UUID.randomUUID().toString(), s.make(), s.model(), s.calibre(), s.serial(),
                Points.of(desk), desk, now);
        weapons.insert(w, now);
        audit.append(desk.id(), desk.role().name(), "ARMS_WEAPON_RECEIVED", w.id(), "point " + Points.of(desk));
        return w;
    }

    /**
     * A delivery received into stock at the officer's point, all weapons or none: a weapon registered already or
     * twice in the delivery refuses it, naming each such row ({@code rows[n].serial}, data rows from 1).
     */
    @Transactional
    public List<Weapon> stockDelivery(Actor desk, List<Stock> delivery) {
        requireRole(desk, Role.ISSUING_OFFICER);
        List<legion.shared.InvalidInputException.Problem> problems = new java.util.ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < delivery.size(); i++) {
            Stock s = delivery.get(i);
            String key = legion.arms.Serials.normalize(s.make()) + "\u0000" + legion.arms.Serials.normalize(s.serial());
            String field = "rows[" + (i + 1) + "].serial";
            if (seen.putIfAbsent(key, i + 1) != null) {
                problems.add(new legion.shared.InvalidInputException.Problem(field, "duplicate"));
            } else if (weapons.findBySerial(s.make(), s.serial()).isPresent()) {
                problems.add(new legion.shared.InvalidInputException.Problem(field, "registered"));
            }
        }
        if (!problems.isEmpty()) {
            throw new legion.shared.InvalidInputException(problems);
        }
        Instant now = clock.instant();
        List<Weapon> stored = new java.util.ArrayList<>();
        for (Stock s : delivery) {
            Weapon w = Weapon.receive(UUID.randomUUID().toString(), s.make(), s.model(), s.calibre(), s.serial(),
                    Points.of(desk), desk, now);
            weapons.insert(w, now);
            audit.append(desk.id(), desk.role().name(), "ARMS_WEAPON_RECEIVED", w.id(), "point " + Points.of(desk)
                    + ", delivery of " + delivery.size());
            stored.add(w);
        }
        return stored;
    }

    /** The holder as the officer types them at the desk. */
    public record HolderDetails(String surname, String givenNames, String patronymic, LocalDate dateOfBirth,
                                String documentNumber, String address, String phone, LegalStatus legalStatus,
                                String email) {

        public HolderDetails(String surname, String givenNames, String patronymic, LocalDate dateOfBirth,
                             String documentNumber, String address, String phone, LegalStatus legalStatus) {
            this(surname, givenNames, patronymic, dateOfBirth, documentNumber, address, phone, legalStatus, null);
        }
    }

    /** An issue made: its number, the weapon, the holder and the policy version that allowed it. */
    public record Issued(String number, Weapon weapon, Holder holder, String point, Instant at, int rounds,
                         int magazines, int policyVersion, String seal) {
    }

    /**
     * Issues a weapon in stock at the officer's point to a holder (found by document number, or registered now).
     *
     * @throws WeaponNotFoundException  no such weapon
     * @throws CustodyRefusedException  the weapon is not in stock (issued, lost …): a conflict
     * @throws IssueRefusedException    the policy refuses (holder under age, prohibited, too many weapons, another
     *                                  point's weapon …)
     * @throws WeaponConflictException  another desk changed the weapon at the same moment
     */
    @Transactional
    public Issued issue(Actor desk, String make, String serial, HolderDetails details, int rounds, int magazines) {
        requireRole(desk, Role.ISSUING_OFFICER);
        if (rounds < 0 || magazines < 0 || rounds > 10_000 || magazines > 100) {
            throw new IllegalArgumentException("rounds must be 0 to 10000 and magazines 0 to 100");
        }
        Weapon w = weapons.findBySerial(make, serial).orElseThrow(WeaponNotFoundException::new);
        if (w.status() != WeaponStatus.IN_STOCK) {
            throw new CustodyRefusedException(CustodyEvent.ISSUED, w.status());
        }
        Instant now = clock.instant();
        Holder known = holders.findByDocument(details.documentNumber()).orElse(null);
        Holder holder;
        int held;
        if (known != null) {
            holder = known;
            holders.lock(holder.id());   // two issues to one holder at once are counted one after the other
            held = holders.weaponsHeld(holder.id());
        } else {
            // registered now, in this transaction: the new row is locked by its insert (a second desk registering
            // the same document at once fails on its unique blind index) and holds no weapon yet
            holder = new Holder(UUID.randomUUID().toString(), details.surname(), details.givenNames(),
                    details.patronymic(), details.dateOfBirth(), details.documentNumber(), details.address(),
                    details.phone(), details.legalStatus());
            holders.insert(holder, now);
            held = 0;
        }
        if (details.email() != null && !details.email().isBlank()) {
            holders.recordEmail(holder.id(), details.email());
        }
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        var policy = rules.current().policy();
        IssueCheck check = new IssueCheck(holder.dateOfBirth(), holder.legalStatus(),
                holders.prohibited(holder.documentNumber()), held, w.status(), w.point(), Points.of(desk),
                policy.parameters().refusesConvicts() && isConvict(holder, today));
        Assessment verdict = policy.evaluate(check, today);
        if (!verdict.failures().isEmpty()) {
            throw new IssueRefusedException(verdict.policyVersion(), verdict.failures());
        }
        String number = IssueNumbers.next();
        w.issue(number, holder.id(), Points.of(desk), desk, rounds, magazines, now);
        weapons.update(w);
        Map<String, String> receipt = Map.of("documentNumber", ArmsReceipts.receiptNumber(number), "make", w.make(),
                "serial", w.serial(), "holder", (holder.givenNames() + " " + holder.surname()).strip(),
                "holderDocument", holder.documentNumber(), "point", Points.of(desk), "issuedOn", today.toString());
        // the seal alone: the receipt page draws its barcode when it is printed
        String seal = java.util.HexFormat.of().withUpperCase().formatHex(seals.sign(ArmsReceipts.RECEIPT, receipt));
        issues.open(number, w.id(), holder.id(), Points.of(desk), desk.id(), rounds, magazines, now,
                verdict.policyVersion(), martialLaw.dueOn().orElse(null), seal);
        audit.append(desk.id(), desk.role().name(), "ARMS_WEAPON_ISSUED", number,
                "weapon " + w.id() + ", point " + Points.of(desk) + ", policy v" + verdict.policyVersion());
        return new Issued(number, w, holder, Points.of(desk), now, rounds, magazines, verdict.policyVersion(), seal);
    }

    /**
     * Asks the parole program (ADR 0150) whether the holder is a convict in custody or in an open case: their names
     * as the register holds them (given names, patronymic, surname; and without the patronymic, which a case may not
     * have written) and date of birth. Yes or no; the register learns nothing else.
     */
    private boolean isConvict(Holder h, LocalDate day) {
        String given = h.givenNames().strip();
        String patronymic = h.patronymic() == null ? "" : h.patronymic().strip();
        List<String> names = patronymic.isEmpty() ? List.of(given + " " + h.surname().strip())
                : List.of(given + " " + patronymic + " " + h.surname().strip(), given + " " + h.surname().strip());
        return convicts.isConvict(names, h.dateOfBirth(), day);
    }

    /** A weapon brought back at the officer's point (any point may take it); returns the closed issue's number. */
    @Transactional
    public String returnWeapon(Actor desk, String make, String serial, Integer rounds, Integer magazines) {
        requireRole(desk, Role.ISSUING_OFFICER);
        Weapon w = weapons.findBySerial(make, serial).orElseThrow(WeaponNotFoundException::new);
        Instant now = clock.instant();
        String number = w.returnTo(Points.of(desk), desk, now, rounds, magazines);
        weapons.update(w);
        issues.close(number, Points.of(desk), now);
        audit.append(desk.id(), desk.role().name(), "ARMS_WEAPON_RETURNED", number,
                "weapon " + w.id() + ", point " + Points.of(desk));
        return number;
    }

    /** A weapon, its whole custody history and the holders in it, for a police case. */
    public record Trace(Weapon weapon, List<CustodyEntry> history, List<Holder> holders) {
    }

    /** Traces a weapon for a case (police investigators only; every trace audited with its case number). */
    @Transactional
    public Trace trace(Actor desk, String make, String serial, String caseNumber) {
        requireRole(desk, Role.POLICE_INVESTIGATOR);
        requireCaseNumber(caseNumber);
        Weapon w = weapons.findBySerial(make, serial).orElse(null);
        audit.append(desk.id(), desk.role().name(), "ARMS_WEAPON_TRACED", w == null ? "unknown" : w.id(),
                "case " + caseNumber.strip() + (w == null ? ", not found" : ""));
        if (w == null) {
            throw new WeaponNotFoundException();
        }
        List<CustodyEntry> history = weapons.history(w.id());
        List<Holder> people = history.stream().map(CustodyEntry::holderId).filter(java.util.Objects::nonNull)
                .distinct().map(holders::find).flatMap(java.util.Optional::stream).toList();
        return new Trace(w, history, people);
    }

    /** A police case number: 1 to 40 letters, digits, / . _ - (starting with a letter or digit), else 422. */
    static void requireCaseNumber(String caseNumber) {
        if (caseNumber == null || !caseNumber.strip().matches("[\\p{L}\\p{N}][\\p{L}\\p{N}/._-]{0,39}")) {
            throw new legion.shared.InvalidInputException("caseNumber", caseNumber == null || caseNumber.isBlank()
                    ? "required" : "characters");
        }
    }

    /** A holder's receipt to print: the issue, and its seal with the fields it signs (as the verifiers read them). */
    public record Receipt(String number, String point, Instant issuedAt, int rounds, int magazines, String sealHex,
                          byte[] barcodePng, Map<String, Object> fields) {
    }

    /**
     * The receipt of an issue, for an issuing officer of its point or a registry supervisor.
     *
     * @throws IssueNotFoundException no such issue, or not the officer's point
     */
    public Receipt receipt(Actor desk, String number) {
        Issues.Stored i = issues.find(number).filter(x -> x.seal() != null)
                .filter(x -> desk.role() == Role.REGISTRY_SUPERVISOR
                        || desk.role() == Role.ISSUING_OFFICER && x.point().equals(Points.of(desk)))
                .orElseThrow(IssueNotFoundException::new);
        byte[] seal = java.util.HexFormat.of().parseHex(i.seal());
        var report = legion.authorization.SealReport.of(seals.verify(seal));
        return new Receipt(i.number(), i.point(), i.issuedAt(), i.rounds(), i.magazines(), i.seal(),
                seals.barcodePng(seal), report.fields());
    }

    /** The weapon of this make and serial (compared normalised), if registered. */
    public java.util.Optional<Weapon> find(String make, String serial) {
        return weapons.findBySerial(make, serial);
    }

    private static void requireRole(Actor desk, Role role) {
        if (desk.role() != role) {
            throw new SecurityException("only " + role + " may do this");
        }
    }
}
