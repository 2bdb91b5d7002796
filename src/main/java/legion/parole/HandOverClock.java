package legion.parole;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 24-hour hand-over clock: a released convict not handed over by the due time (the release's effect plus 24
 * hours) is flagged once across nodes. Each node looks for overdue cases; the one whose
 * {@code update … where overdue_flagged_at is null} changes the row publishes {@link HandOverOverdue} in the same
 * transaction (audited there), the others change nothing.
 */
@Component
public class HandOverClock {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    @Autowired
    HandOverClock(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx,
                  ObjectProvider<Clock> clocks) {
        this(jdbc, events, tx, clocks.getIfAvailable(Clock::systemUTC));
    }

    /** A clock of its own: tests move it by hand (and run two, as two nodes would). */
    HandOverClock(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${legion.parole.hand-over-check-ms:60000}", initialDelay = 15000)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "parole-hand-over-clock", lockAtMostFor = "PT10M")
    void check() {
        flagOverdue();
    }

    /** Flags the overdue hand-overs not flagged yet; returns how many this call flagged. */
    public int flagOverdue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<Object[]> due = jdbc.sql("select id, reference, facility, hand_over_due from parole_case "
                        + "where stage = ? and overdue_flagged_at is null and hand_over_due < ? "
                        + "order by hand_over_due fetch first ? rows only")
                .params(Stage.RELEASED.name(), at, BATCH)
                .query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("reference"),
                        rs.getString("facility"), rs.getObject("hand_over_due", OffsetDateTime.class)})
                .list();
        int flagged = 0;
        for (Object[] row : due) {
            Boolean mine = tx.execute(status -> {
                int changed = jdbc.sql("update parole_case set overdue_flagged_at = ? where id = ? and stage = ? "
                                + "and overdue_flagged_at is null")
                        .params(at, row[0], Stage.RELEASED.name()).update();
                if (changed == 1) {
                    events.publishEvent(new HandOverOverdue(new ParoleReference((String) row[1]), (String) row[2],
                            ((OffsetDateTime) row[3]).toInstant(), now));
                }
                return changed == 1;
            });
            if (Boolean.TRUE.equals(mine)) {
                flagged++;
            }
        }
        return flagged;
    }

    /** The hand-over board: released convicts waiting for the escort, soonest due first, overdue flagged. */
    public List<Waiting> board(int limit) {
        return jdbc.sql("select reference, facility, commander_unit, hand_over_due, overdue_flagged_at from parole_case "
                        + "where stage = ? order by hand_over_due fetch first ? rows only")
                .params(Stage.RELEASED.name(), limit)
                .query((rs, n) -> {
                    OffsetDateTime flaggedAt = rs.getObject("overdue_flagged_at", OffsetDateTime.class);
                    return new Waiting(new ParoleReference(rs.getString("reference")), rs.getString("facility"),
                            rs.getString("commander_unit"), rs.getObject("hand_over_due", OffsetDateTime.class).toInstant(),
                            flaggedAt == null ? null : flaggedAt.toInstant());
                })
                .list();
    }

    /** A released convict waiting to be handed over; {@code overdueSince} is when the clock flagged it. */
    public record Waiting(ParoleReference reference, String facility, String commanderUnit, Instant due,
                          Instant overdueSince) {

        /** Time left until the due time at {@code now}; negative once overdue. */
        public java.time.Duration left(Instant now) {
            return java.time.Duration.between(now, due);
        }
    }
}
