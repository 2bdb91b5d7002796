package legion.arms.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import legion.arms.register.ArmsRegister;
import legion.arms.register.CustodyDesk;
import legion.arms.register.Weapon;
import legion.shared.InvalidInputException.Problem;

/**
 * The custody events beyond stock, issue and return (extensions of PRODUCT.md's arms API, same conventions): a
 * delivery of weapons as CSV, transfers between points, weapons reported lost or stolen, found and declared (the
 * 24-hour rule; the serial may be illegible), seized, destroyed, and corrections. Each one is a new history entry
 * and an audit entry ({@link CustodyDesk}); 409 when the weapon's status does not allow it, 404 no such weapon.
 */
@RestController
@Tag(name = "Arms register")
class ArmsCustodyApi {

    private final ArmsRegister register;
    private final CustodyDesk custody;

    ArmsCustodyApi(ArmsRegister register, CustodyDesk custody) {
        this.register = register;
        this.custody = custody;
    }

    record DeliveryView(int received, List<ArmsApi.WeaponView> weapons) {
    }

    /** A delivery as CSV ({@code make,model,calibre,serial}): 201 with every weapon, or 422 naming each bad row. */
    @PostMapping(path = "/api/v1/arms/weapons", consumes = "text/csv")
    ResponseEntity<DeliveryView> delivery(Authentication auth, @RequestBody(required = false) String body) {
        var actor = ArmsApi.actor(auth);
        if (actor.role() != legion.shared.Role.ISSUING_OFFICER) {
            throw new SecurityException("issuing officers only"); // before reading what may be personal data
        }
        List<Weapon> stored = register.stockDelivery(actor, DeliveryCsv.read(body));
        return ResponseEntity.status(201).body(new DeliveryView(stored.size(),
                stored.stream().map(ArmsApi.WeaponView::of).toList()));
    }

    record TransferRequest(String make, String serial, String toPoint) {
    }

    @PostMapping("/api/v1/arms/transfers")
    ArmsApi.WeaponView transfer(Authentication auth, @RequestBody TransferRequest body) {
        List<Problem> problems = weapon(body.make(), body.serial());
        ArmsApi.required(problems, "toPoint", body.toPoint(), 40);
        ArmsApi.refuse(problems);
        return ArmsApi.WeaponView.of(custody.transfer(ArmsApi.actor(auth), body.make(), body.serial(),
                body.toPoint()));
    }

    record MissingRequest(String make, String serial, String kind, String note) {
    }

    /** Reported lost ({@code kind} LOST) or stolen ({@code STOLEN}), from stock or by its holder. */
    @PostMapping("/api/v1/arms/losses")
    ArmsApi.WeaponView missing(Authentication auth, @RequestBody MissingRequest body) {
        List<Problem> problems = weapon(body.make(), body.serial());
        ArmsApi.optional(problems, "note", body.note(), 500);
        String kind = body.kind() == null ? "" : body.kind().strip().toUpperCase(Locale.ROOT);
        if (!kind.equals("LOST") && !kind.equals("STOLEN")) {
            problems.add(new Problem("kind", body.kind() == null || body.kind().isBlank() ? "required" : "range"));
        }
        ArmsApi.refuse(problems);
        return ArmsApi.WeaponView.of(custody.reportMissing(ArmsApi.actor(auth), body.make(), body.serial(),
                kind.equals("STOLEN"), body.note()));
    }

    record FoundRequest(String make, String model, String calibre, String serial, Boolean serialIllegible,
                        String foundAt, String note) {
    }

    record FoundView(ArmsApi.WeaponView weapon, boolean late, boolean newToRegister) {
    }

    /**
     * A found weapon declared at the officer's point: {@code foundAt} (ISO 8601 instant) when it was found, late when
     * more than 24 hours before now; {@code serialIllegible} true (and no serial) when it cannot be read. 201 when the
     * register did not know it, 200 when it did.
     */
    @PostMapping("/api/v1/arms/found")
    ResponseEntity<FoundView> found(Authentication auth, @RequestBody FoundRequest body) {
        List<Problem> problems = new ArrayList<>();
        ArmsApi.required(problems, "make", body.make(), 60);
        ArmsApi.optional(problems, "model", body.model(), 60);
        ArmsApi.optional(problems, "calibre", body.calibre(), 30);
        ArmsApi.optional(problems, "note", body.note(), 500);
        boolean illegible = Boolean.TRUE.equals(body.serialIllegible());
        if (illegible && body.serial() != null && !body.serial().isBlank()) {
            problems.add(new Problem("serial", "illegible"));
        } else if (!illegible) {
            ArmsApi.required(problems, "serial", body.serial(), 60);
        }
        Instant foundAt = null;
        if (body.foundAt() == null || body.foundAt().isBlank()) {
            problems.add(new Problem("foundAt", "required"));
        } else {
            try {
                foundAt = Instant.parse(body.foundAt().strip());
                if (foundAt.isAfter(Instant.now())) {
                    problems.add(new Problem("foundAt", "past"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new Problem("foundAt", "date"));
            }
        }
        ArmsApi.refuse(problems);
        var actor = ArmsApi.actor(auth);
        boolean known = !illegible && register.find(body.make(), body.serial()).isPresent();
        Weapon w = custody.declareFound(actor, body.make(), body.model(), body.calibre(),
                illegible ? null : body.serial(), foundAt, body.note());
        FoundView view = new FoundView(ArmsApi.WeaponView.of(w), w.declaredLate(), !known);
        return known ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create("/api/v1/arms/weapons/" + w.id())).body(view);
    }

    record SeizureRequest(String make, String serial, String caseNumber, String note) {
    }

    @PostMapping("/api/v1/arms/seizures")
    ArmsApi.WeaponView seize(Authentication auth, @RequestBody SeizureRequest body) {
        List<Problem> problems = weapon(body.make(), body.serial());
        ArmsApi.required(problems, "caseNumber", body.caseNumber(), 40);
        ArmsApi.optional(problems, "note", body.note(), 500);
        ArmsApi.refuse(problems);
        return ArmsApi.WeaponView.of(custody.seize(ArmsApi.actor(auth), body.make(), body.serial(), body.caseNumber(),
                body.note()));
    }

    record NoteRequest(String make, String serial, String note) {
    }

    @PostMapping("/api/v1/arms/destructions")
    ArmsApi.WeaponView destroy(Authentication auth, @RequestBody NoteRequest body) {
        List<Problem> problems = weapon(body.make(), body.serial());
        ArmsApi.optional(problems, "note", body.note(), 500);
        ArmsApi.refuse(problems);
        return ArmsApi.WeaponView.of(custody.destroy(ArmsApi.actor(auth), body.make(), body.serial(), body.note()));
    }

    record CorrectionRequest(String make, String serial, Long entry, String note) {
    }

    /** A correction of an earlier history entry: a new entry naming it, never an edit. */
    @PostMapping("/api/v1/arms/corrections")
    ArmsApi.WeaponView correct(Authentication auth, @RequestBody CorrectionRequest body) {
        List<Problem> problems = weapon(body.make(), body.serial());
        ArmsApi.required(problems, "note", body.note(), 500);
        if (body.entry() == null || body.entry() < 1) {
            problems.add(new Problem("entry", body.entry() == null ? "required" : "range"));
        }
        ArmsApi.refuse(problems);
        return ArmsApi.WeaponView.of(custody.correct(ArmsApi.actor(auth), body.make(), body.serial(), body.entry(),
                body.note()));
    }

    private static List<Problem> weapon(String make, String serial) {
        List<Problem> problems = new ArrayList<>();
        ArmsApi.required(problems, "make", make, 60);
        ArmsApi.required(problems, "serial", serial, 60);
        return problems;
    }
}
