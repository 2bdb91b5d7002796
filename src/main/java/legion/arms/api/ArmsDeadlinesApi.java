package legion.arms.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import legion.arms.register.MartialLaw;
import legion.arms.register.OverdueHolders;
import legion.shared.InvalidInputException;

/**
 * Deadlines (PRODUCT.md: the end of martial law makes every open issue due in 10 days): the administrator records
 * the end, the registry supervisor lists the overdue issues and how each holder was told.
 */
@RestController
@Tag(name = "Arms register")
class ArmsDeadlinesApi {

    private final MartialLaw martialLaw;
    private final OverdueHolders overdue;

    ArmsDeadlinesApi(MartialLaw martialLaw, OverdueHolders overdue) {
        this.martialLaw = martialLaw;
        this.overdue = overdue;
    }

    record EndRequest(String endedOn) {
    }

    @PostMapping("/api/v1/arms/martial-law-end")
    MartialLaw.Ended recordEnd(Authentication auth, @RequestBody EndRequest body) {
        var actor = ArmsApi.actor(auth);
        if (body.endedOn() == null || body.endedOn().isBlank()) {
            throw new InvalidInputException("endedOn", "required");
        }
        try {
            return martialLaw.recordEnd(actor, LocalDate.parse(body.endedOn().strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("endedOn", "date");
        }
    }

    @GetMapping("/api/v1/arms/overdue")
    List<OverdueHolders.Overdue> overdue(Authentication auth) {
        return overdue.overdue(ArmsApi.actor(auth));
    }
}
