package legion.arms.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import legion.access.Officers;
import legion.arms.register.ArmsRegister;
import legion.arms.register.CustodyRefusedException;
import legion.arms.register.IssueRefusedException;
import legion.arms.register.LegalStatus;
import legion.arms.register.Points;
import legion.arms.register.TraceLimit;
import legion.arms.register.WeaponConflictException;
import legion.arms.register.WeaponNotFoundException;
import legion.shared.Actor;
import legion.shared.InvalidInputException;
import legion.shared.Role;

/**
 * The arms register in the console. The issuing desk is one keyboard form (serial first, then make, the holder's
 * identity document, names, date of birth, rounds, magazines; Enter issues), a refusal names each rule, an issue
 * opens its printable receipt with the seal. Investigators trace a weapon for a case (posted, never in the URL;
 * audited and rate limited as the API). The supervisors' pages are {@link ArmsSupervisorConsole}'s.
 */
@Controller
class ArmsConsole {

    private final ArmsRegister register;
    private final TraceLimit traces;
    private final legion.arms.register.OfflineDesk offline;

    ArmsConsole(ArmsRegister register, TraceLimit traces, legion.arms.register.OfflineDesk offline) {
        this.offline = offline;
        this.register = register;
        this.traces = traces;
    }

    // ------------------------------------------------------------------------------------------ issuing desk

    @GetMapping("/console/arms/desk")
    String desk(Authentication auth, Model model) {
        Actor a = actor(auth, Role.ISSUING_OFFICER);
        model.addAttribute("point", Points.of(a));
        model.addAttribute("form", Map.of("legalStatus", "CITIZEN", "rounds", "0", "magazines", "0"));
        model.addAttribute("statuses", LegalStatus.values());
        return "console/arms-desk";
    }

    @PostMapping("/console/arms/desk")
    String issue(Authentication auth, @RequestParam Map<String, String> form, Model model) {
        Actor a = actor(auth, Role.ISSUING_OFFICER);
        model.addAttribute("point", Points.of(a));
        model.addAttribute("statuses", LegalStatus.values());
        Map<String, String> kept = new LinkedHashMap<>(form);
        kept.remove("_csrf");
        model.addAttribute("form", kept);
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        String serial = text(problems, form, "serial", 60, true);
        String make = text(problems, form, "make", 60, true);
        String document = text(problems, form, "documentNumber", 20, true);
        String surname = text(problems, form, "surname", 100, true);
        String given = text(problems, form, "givenNames", 100, true);
        String patronymic = text(problems, form, "patronymic", 100, false);
        LocalDate born = null;
        try {
            born = LocalDate.parse(form.getOrDefault("dateOfBirth", "").strip());
            if (!born.isBefore(LocalDate.now()) || born.getYear() < 1900) {
                problems.add(new InvalidInputException.Problem("dateOfBirth", "past"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.Problem("dateOfBirth",
                    form.getOrDefault("dateOfBirth", "").isBlank() ? "required" : "date"));
        }
        LegalStatus status = null;
        try {
            status = LegalStatus.valueOf(form.getOrDefault("legalStatus", ""));
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.Problem("legalStatus", "range"));
        }
        int rounds = count(problems, form, "rounds", 10_000);
        int magazines = count(problems, form, "magazines", 100);
        if (!problems.isEmpty()) {
            model.addAttribute("errors", errors(problems));
            return "console/arms-desk";
        }
        try {
            ArmsRegister.Issued issued = register.issue(a, make, serial, new ArmsRegister.HolderDetails(surname, given,
                    patronymic, born, document, null, null, status), rounds, magazines);
            return "redirect:/console/arms/receipts/" + issued.number();
        } catch (IssueRefusedException e) {
            model.addAttribute("refusals", e.failures());
            model.addAttribute("policyVersion", e.policyVersion());
        } catch (WeaponNotFoundException e) {
            model.addAttribute("problem", "arms.desk.notFound");
        } catch (CustodyRefusedException e) {
            model.addAttribute("problem", "arms.desk.notInStock." + e.weaponStatus().name());
        } catch (WeaponConflictException e) {
            model.addAttribute("problem", "arms.desk.conflict");
        }
        return "console/arms-desk";
    }

    @PostMapping("/console/arms/desk/return")
    String returnWeapon(Authentication auth, @RequestParam(defaultValue = "") String make,
                        @RequestParam(defaultValue = "") String serial, RedirectAttributes flash) {
        Actor a = actor(auth, Role.ISSUING_OFFICER);
        if (make.isBlank() || serial.isBlank() || make.length() > 60 || serial.length() > 60) {
            flash.addFlashAttribute("returnProblem", "arms.desk.return.required");
            return "redirect:/console/arms/desk";
        }
        try {
            String number = register.returnWeapon(a, make, serial, null, null);
            flash.addFlashAttribute("returned", number);
        } catch (WeaponNotFoundException e) {
            flash.addFlashAttribute("returnProblem", "arms.desk.notFound");
        } catch (CustodyRefusedException e) {
            flash.addFlashAttribute("returnProblem", "arms.desk.return.notIssued");
        } catch (WeaponConflictException e) {
            flash.addFlashAttribute("returnProblem", "arms.desk.conflict");
        }
        return "redirect:/console/arms/desk";
    }

    /** The desk that keeps working without network once loaded (ADR 0102): issues and returns queued in the browser. */
    @GetMapping("/console/arms/desk/offline")
    String offlineDesk(Authentication auth, Model model) {
        Actor a = actor(auth, Role.ISSUING_OFFICER);
        model.addAttribute("point", Points.of(a));
        model.addAttribute("officer", a.id());
        model.addAttribute("statuses", LegalStatus.values());
        return "console/arms-desk-offline";
    }

    /** The offline desk's service worker: the page, its script and the style sheet, cached for a reload offline. */
    @org.springframework.context.annotation.Bean
    static legion.shared.OfflinePage armsOfflineDesk() {
        return new legion.shared.OfflinePage("arms-desk-offline", "/console/arms/desk/offline",
                List.of("/js/arms-desk-offline.js", "/css/legion.css"));
    }

    /** One queued entry as the offline desk sends it. */
    record SyncRequest(String slip, String kind, String madeAt, String make, String serial, String documentNumber,
                       String surname, String givenNames, String patronymic, String dateOfBirth, String legalStatus,
                       Integer rounds, Integer magazines) {
    }

    /**
     * An entry the offline desk queued, checked again now: 200 with RECORDED (and the receipt's address) or
     * CONFLICT (flagged for the supervisor, nothing recorded); 400 when it is not a well-formed entry.
     */
    @PostMapping(path = "/console/arms/desk/sync", consumes = "application/json", produces = "application/json")
    org.springframework.http.ResponseEntity<?> sync(Authentication auth,
                                                    @org.springframework.web.bind.annotation.RequestBody SyncRequest r) {
        Actor a = actor(auth, Role.ISSUING_OFFICER);
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        java.time.Instant madeAt = null;
        LocalDate born = null;
        LegalStatus status = null;
        boolean isReturn = "RETURN".equals(r.kind());
        try {
            madeAt = java.time.Instant.parse(r.madeAt());
        } catch (RuntimeException e) {
            problems.add(new InvalidInputException.Problem("madeAt", "date"));
        }
        if (r.slip() == null || !r.slip().matches("P-[A-Z0-9-]{1,40}-[0-9A-Z]{4}-[0-9]{1,6}")) {
            problems.add(new InvalidInputException.Problem("slip", "characters"));
        }
        if (!isReturn && !"ISSUE".equals(r.kind())) {
            problems.add(new InvalidInputException.Problem("kind", "range"));
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("make", r.make() == null ? "" : r.make());
        f.put("serial", r.serial() == null ? "" : r.serial());
        text(problems, f, "make", 60, true);
        text(problems, f, "serial", 60, true);
        if (!isReturn) {
            f.put("documentNumber", r.documentNumber() == null ? "" : r.documentNumber());
            f.put("surname", r.surname() == null ? "" : r.surname());
            f.put("givenNames", r.givenNames() == null ? "" : r.givenNames());
            f.put("patronymic", r.patronymic() == null ? "" : r.patronymic());
            text(problems, f, "documentNumber", 20, true);
            text(problems, f, "surname", 100, true);
            text(problems, f, "givenNames", 100, true);
            text(problems, f, "patronymic", 100, false);
            try {
                born = LocalDate.parse(r.dateOfBirth());
                status = LegalStatus.valueOf(r.legalStatus());
            } catch (RuntimeException e) {
                problems.add(new InvalidInputException.Problem("dateOfBirth", "date"));
            }
            if (r.rounds() == null || r.rounds() < 0 || r.rounds() > 10_000 || r.magazines() == null
                    || r.magazines() < 0 || r.magazines() > 100) {
                problems.add(new InvalidInputException.Problem("rounds", "range"));
            }
        }
        if (!problems.isEmpty()) {
            return org.springframework.http.ResponseEntity.badRequest().body(Map.of("errors",
                    problems.stream().map(InvalidInputException.Problem::field).toList()));
        }
        var holder = isReturn ? null : new ArmsRegister.HolderDetails(f.get("surname").strip(),
                f.get("givenNames").strip(), f.get("patronymic").isBlank() ? null : f.get("patronymic").strip(), born,
                f.get("documentNumber").strip(), null, null, status);
        var outcome = offline.sync(a, new legion.arms.register.OfflineDesk.Queued(r.slip(), isReturn, madeAt,
                r.make().strip(), r.serial().strip(), holder, isReturn ? 0 : r.rounds(), isReturn ? 0 : r.magazines()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slip", outcome.slip());
        body.put("result", outcome.result());
        if (outcome.issueNumber() != null) {
            body.put("issueNumber", outcome.issueNumber());
            if (!isReturn) {
                body.put("receipt", "/console/arms/receipts/" + outcome.issueNumber());
            }
        }
        if (outcome.conflict() != null) {
            body.put("conflict", outcome.conflict());
        }
        return org.springframework.http.ResponseEntity.ok(body);
    }

    @GetMapping("/console/arms/receipts/{number}")
    String receipt(Authentication auth, @PathVariable String number, Model model) {
        Actor a = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("officers only"));
        ArmsRegister.Receipt r = register.receipt(a, number);
        model.addAttribute("receipt", r);
        model.addAttribute("barcode", "data:image/png;base64," + Base64.getEncoder().encodeToString(r.barcodePng()));
        return "console/arms-receipt";
    }

    // ------------------------------------------------------------------------------------------ investigators

    @GetMapping("/console/arms/trace")
    String tracePage(Authentication auth) {
        actor(auth, Role.POLICE_INVESTIGATOR);
        return "console/arms-trace";
    }

    @PostMapping("/console/arms/trace")
    String trace(Authentication auth, @RequestParam(defaultValue = "") String make,
                 @RequestParam(defaultValue = "") String serial, @RequestParam(defaultValue = "") String caseNumber,
                 Model model, jakarta.servlet.http.HttpServletResponse response) {
        Actor a = actor(auth, Role.POLICE_INVESTIGATOR);
        model.addAttribute("make", make);
        model.addAttribute("serial", serial);
        model.addAttribute("caseNumber", caseNumber);
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        text(problems, Map.of("make", make), "make", 60, true);
        text(problems, Map.of("serial", serial), "serial", 60, true);
        text(problems, Map.of("caseNumber", caseNumber), "caseNumber", 40, true);
        if (!problems.isEmpty()) {
            model.addAttribute("errors", errors(problems));
            return "console/arms-trace";
        }
        var wait = traces.take(a);
        if (wait.isPresent()) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
            model.addAttribute("problem", "arms.trace.tooMany");
            return "console/arms-trace";
        }
        try {
            model.addAttribute("trace", register.trace(a, make, serial, caseNumber));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e.problems()));
        } catch (WeaponNotFoundException e) {
            model.addAttribute("problem", "arms.desk.notFound");
        }
        return "console/arms-trace";
    }

    // ------------------------------------------------------------------------------------------ helpers

    static Actor actor(Authentication auth, Role role) {
        Actor a = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("officers only"));
        if (a.role() != role) {
            throw new SecurityException("only " + role);
        }
        return a;
    }

    private static Map<String, String> errors(List<InvalidInputException.Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach(p -> out.putIfAbsent(p.field(), "error." + p.code()));
        return out;
    }

    private static String text(List<InvalidInputException.Problem> problems, Map<String, String> form, String field,
                               int max, boolean required) {
        String v = form.getOrDefault(field, "").strip();
        if (v.isEmpty()) {
            if (required) {
                problems.add(new InvalidInputException.Problem(field, "required"));
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(new InvalidInputException.Problem(field, "length"));
        } else if (v.chars().anyMatch(Character::isISOControl)) {
            problems.add(new InvalidInputException.Problem(field, "characters"));
        }
        return v;
    }

    private static int count(List<InvalidInputException.Problem> problems, Map<String, String> form, String field,
                             int max) {
        try {
            int n = Integer.parseInt(form.getOrDefault(field, "").strip());
            if (n < 0 || n > max) {
                problems.add(new InvalidInputException.Problem(field, "range"));
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.Problem(field, "integer"));
            return 0;
        }
    }
}
