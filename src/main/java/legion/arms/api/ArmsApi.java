package legion.arms.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import legion.access.Officers;
import legion.arms.register.ArmsRegister;
import legion.arms.register.CustodyEntry;
import legion.arms.register.LegalStatus;
import legion.arms.register.Weapon;
import legion.shared.Actor;
import legion.shared.InvalidInputException;
import legion.shared.InvalidInputException.Problem;
import legion.shared.RateLimiter;

/**
 * The officers' REST API of the arms register (PRODUCT.md, Program 2), a thin adapter over {@link ArmsRegister}:
 * the issuing officer's point is their unit; refusals are RFC 9457 problems (422 naming the rule, 409 when the
 * weapon is not in stock or another desk was first, 404 no such weapon).
 */
@RestController
@Tag(name = "Arms register")
class ArmsApi {

    private final ArmsRegister register;
    private final legion.arms.register.ArmsReport report;
    private final legion.arms.register.TraceLimit traces;

    ArmsApi(ArmsRegister register, legion.arms.register.ArmsReport report, legion.arms.register.TraceLimit traces) {
        this.register = register;
        this.report = report;
        this.traces = traces;
    }

    record StockRequest(String make, String model, String calibre, String serial) {
    }

    record WeaponView(String id, String make, String model, String calibre, String serial, String status,
                      String point) {
        static WeaponView of(Weapon w) {
            return new WeaponView(w.id(), w.make(), w.model(), w.calibre(), w.serial(), w.status().name(), w.point());
        }
    }

    @PostMapping("/api/v1/arms/weapons")
    ResponseEntity<WeaponView> stock(Authentication auth, @RequestBody StockRequest body) {
        List<Problem> problems = new ArrayList<>();
        required(problems, "make", body.make(), 60);
        required(problems, "serial", body.serial(), 60);
        optional(problems, "model", body.model(), 60);
        optional(problems, "calibre", body.calibre(), 30);
        refuse(problems);
        Weapon w = register.stock(actor(auth), new ArmsRegister.Stock(body.make(), body.model(), body.calibre(),
                body.serial()));
        return ResponseEntity.created(URI.create("/api/v1/arms/weapons/" + w.id())).body(WeaponView.of(w));
    }

    record HolderRequest(String surname, String givenNames, String patronymic, String dateOfBirth,
                         String documentNumber, String address, String phone, String legalStatus, String email) {
    }

    record IssueRequest(String make, String serial, HolderRequest holder, Integer rounds, Integer magazines) {
    }

    record IssueView(String issueNumber, String seal, String make, String serial, String point, Instant issuedAt,
                     int rounds, int magazines, int policyVersion) {
    }

    @PostMapping("/api/v1/arms/issues")
    ResponseEntity<IssueView> issue(Authentication auth, @RequestBody IssueRequest body) {
        List<Problem> problems = new ArrayList<>();
        required(problems, "make", body.make(), 60);
        required(problems, "serial", body.serial(), 60);
        HolderRequest h = body.holder();
        LocalDate born = null;
        LegalStatus status = null;
        if (h == null) {
            problems.add(new Problem("holder", "required"));
        } else {
            required(problems, "holder.surname", h.surname(), 100);
            required(problems, "holder.givenNames", h.givenNames(), 100);
            optional(problems, "holder.patronymic", h.patronymic(), 100);
            required(problems, "holder.documentNumber", h.documentNumber(), 20);
            optional(problems, "holder.address", h.address(), 300);
            optional(problems, "holder.phone", h.phone(), 30);
            if (h.email() != null && !h.email().isBlank()
                    && !h.email().strip().matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}") ) {
                problems.add(new Problem("holder.email", "email"));
            }
            optional(problems, "holder.email", h.email(), 200);
            born = date(problems, "holder.dateOfBirth", h.dateOfBirth());
            status = legalStatus(problems, h.legalStatus());
        }
        int rounds = count(problems, "rounds", body.rounds(), 10_000);
        int magazines = count(problems, "magazines", body.magazines(), 100);
        refuse(problems);
        ArmsRegister.Issued i = register.issue(actor(auth), body.make(), body.serial(),
                new ArmsRegister.HolderDetails(h.surname(), h.givenNames(), h.patronymic(), born, h.documentNumber(),
                        h.address(), h.phone(), status, h.email() == null ? null : h.email().strip()), rounds,
                magazines);
        return ResponseEntity.created(URI.create("/api/v1/arms/issues/" + i.number()))
                .body(new IssueView(i.number(), i.seal(), i.weapon().make(), i.weapon().serial(), i.point(), i.at(),
                        i.rounds(), i.magazines(), i.policyVersion()));
    }

    record ReturnRequest(String make, String serial, Integer rounds, Integer magazines) {
    }

    record ReturnView(String issueNumber, String status, String point) {
    }

    @PostMapping("/api/v1/arms/returns")
    ReturnView returnWeapon(Authentication auth, @RequestBody ReturnRequest body) {
        List<Problem> problems = new ArrayList<>();
        required(problems, "make", body.make(), 60);
        required(problems, "serial", body.serial(), 60);
        Integer rounds = body.rounds() == null ? null : count(problems, "rounds", body.rounds(), 10_000);
        Integer magazines = body.magazines() == null ? null : count(problems, "magazines", body.magazines(), 100);
        refuse(problems);
        Actor actor = actor(auth);
        String number = register.returnWeapon(actor, body.make(), body.serial(), rounds, magazines);
        return new ReturnView(number, "IN_STOCK", legion.arms.register.Points.of(actor));
    }

    record Entry(long seq, String event, Instant at, String actor, String actorRole, String point, String holderId,
                 String issueNumber, Integer rounds, Integer magazines, String statusAfter, Instant foundAt,
                 boolean late, Long corrects, String note) {
    }

    record HolderView(String id, String surname, String givenNames, String patronymic, LocalDate dateOfBirth,
                      String documentNumber, String legalStatus) {
    }

    record TraceView(WeaponView weapon, List<Entry> history, List<HolderView> holders) {
    }

    @GetMapping("/api/v1/arms/trace")
    ResponseEntity<?> trace(Authentication auth, @RequestParam(required = false) String make,
                            @RequestParam(required = false) String serial,
                            @RequestParam(required = false) String caseNumber,
                            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        Actor actor = actor(auth);
        var wait = traces.take(actor);
        if (wait.isPresent()) {
            RateLimiter.tooMany(response, wait.getAsLong(), "Too many traces.");
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        required(problems, "make", make, 60);
        required(problems, "serial", serial, 60);
        required(problems, "caseNumber", caseNumber, 40);
        refuse(problems);
        ArmsRegister.Trace t = register.trace(actor, make, serial, caseNumber);
        List<Entry> history = t.history().stream().map(ArmsApi::entry).toList();
        List<HolderView> holders = t.holders().stream().map(h -> new HolderView(h.id(), h.surname(), h.givenNames(),
                h.patronymic(), h.dateOfBirth(), h.documentNumber(), h.legalStatus().name())).toList();
        return ResponseEntity.ok(new TraceView(WeaponView.of(t.weapon()), history, holders));
    }

    record ReportCell(String point, String status, String count) {
    }

    /** Weapons by point and status and open issues by point; counts under 5 shown as {@code <5}. */
    @GetMapping("/api/v1/arms/reports/weapons")
    List<ReportCell> weaponsReport(Authentication auth) {
        return report.weapons(actor(auth)).stream()
                .map(r -> new ReportCell(r.point(), r.status(), r.cell().shown())).toList();
    }

    private static Entry entry(CustodyEntry e) {
        return new Entry(e.seq(), e.event().name(), e.at(), e.actor(), e.actorRole(), e.point(), e.holderId(),
                e.issueNumber(), e.rounds(), e.magazines(), e.statusAfter().name(), e.occurredAt(), e.late(),
                e.corrects(), e.note());
    }

    static Actor actor(Authentication auth) {
        return Officers.actorOf(auth).orElseThrow(() -> new SecurityException("officers only"));
    }

    static void required(List<Problem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "required"));
        } else {
            optional(problems, field, value, max);
        }
    }

    static void optional(List<Problem> problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(new Problem(field, "length"));
        } else if (value != null && value.chars().anyMatch(c -> Character.isISOControl(c))) {
            problems.add(new Problem(field, "characters"));
        }
    }

    static LocalDate date(List<Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "required"));
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (!d.isBefore(LocalDate.now()) || d.getYear() < 1900) {
                problems.add(new Problem(field, "past"));
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "date"));
            return null;
        }
    }

    static LegalStatus legalStatus(List<Problem> problems, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem("holder.legalStatus", "required"));
            return null;
        }
        try {
            return LegalStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("holder.legalStatus", "range"));
            return null;
        }
    }

    static int count(List<Problem> problems, String field, Integer value, int max) {
        if (value == null) {
            problems.add(new Problem(field, "required"));
            return 0;
        }
        if (value < 0 || value > max) {
            problems.add(new Problem(field, "range"));
        }
        return value;
    }

    static void refuse(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
