package legion.arms.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.audit.AuditLog;
import legion.shared.Actor;
import legion.shared.InvalidInputException;
import legion.shared.Role;

/**
 * The end of martial law (Law 2114-IX): recorded by an administrator, it makes every open issue due back
 * {@link #RETURN_WITHIN_DAYS} days later, and every issue made afterwards due on the same day. Recording it again
 * (a correction) moves the due day of the issues still open.
 */
@Service
public class MartialLaw {

    /** Weapons must be returned within this many days after martial law ends. */
    public static final int RETURN_WITHIN_DAYS = 10;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    MartialLaw(JdbcClient jdbc, AuditLog audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What recording the end changed. */
    public record Ended(LocalDate endedOn, LocalDate dueOn, int openIssues) implements java.io.Serializable {
    }

    /**
     * Records the day martial law ends (today or within a year either side); every open issue is due 10 days later.
     */
    @Transactional
    public Ended recordEnd(Actor administrator, LocalDate endedOn) {
        if (administrator.role() != Role.ADMINISTRATOR) {
            throw new SecurityException("administrators only");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (endedOn == null) {
            throw new InvalidInputException("endedOn", "required");
        }
        if (endedOn.isBefore(today.minusYears(1)) || endedOn.isAfter(today.plusYears(1))) {
            throw new InvalidInputException("endedOn", "range");
        }
        LocalDate due = endedOn.plusDays(RETURN_WITHIN_DAYS);
        jdbc.sql("insert into arms_martial_law_end (id, ended_on, recorded_by, recorded_at) values (?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), endedOn, administrator.id(), Weapons.ts(clock.instant()))
                .update();
        int open = jdbc.sql("update arms_issue set due_on = ? where returned_at is null").param(due).update();
        audit.append(administrator.id(), administrator.role().name(), "ARMS_MARTIAL_LAW_ENDED", endedOn.toString(),
                open + " open issues due " + due);
        return new Ended(endedOn, due, open);
    }

    /** The day martial law ended as last recorded, if it was. */
    public Optional<LocalDate> endedOn() {
        return jdbc.sql("select ended_on from arms_martial_law_end order by recorded_at desc, id fetch first 1 rows only")
                .query(LocalDate.class).optional();
    }

    /** The day every open issue is due back, once the end is recorded. */
    public Optional<LocalDate> dueOn() {
        return endedOn().map(d -> d.plusDays(RETURN_WITHIN_DAYS));
    }
}
