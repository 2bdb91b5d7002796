package legion.border;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.authorization.SealReport;
import legion.authorization.TravelAuthorizations;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * A border guard scans a travel authorization: it is verified, and the crossing is recorded (checkpoint, time,
 * guard, outcome). A second valid use of a single-entry authorization is flagged.
 */
@Service
public class BorderCrossings {

    private final TravelAuthorizations authorizations;
    private final JdbcClient jdbc;

    BorderCrossings(TravelAuthorizations authorizations, JdbcClient jdbc) {
        this.authorizations = authorizations;
        this.jdbc = jdbc;
    }

    /** The outcome shown to the guard. */
    public record Crossing(SealReport report, boolean flagged, long earlierCrossings) {
    }

    @Transactional
    public Crossing scan(Actor guard, String checkpoint, byte[] seal) {
        if (guard.role() != Role.BORDER_GUARD) {
            throw new SecurityException("only border guards record crossings");
        }
        SealReport report = SealReport.of(authorizations.verify(seal));
        String number = report.fields().get("authorizationNumber") instanceof String s ? s : null;
        long earlier = number == null ? 0 : jdbc.sql("select count(*) from border_crossing where authorization_number = ? "
                + "and result = 'VALID'").param(number).query(Long.class).single();
        Object entries = report.fields().get("numberOfEntries");
        int allowed = entries instanceof Integer i ? i : 1;
        boolean flagged = report.valid() && allowed > 0 && earlier >= allowed;
        jdbc.sql("insert into border_crossing (authorization_number, checkpoint, guard, at, result, flagged, note) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(number, checkpoint, guard.id(), OffsetDateTime.now(ZoneOffset.UTC), report.status(), flagged,
                        flagged ? "entry " + (earlier + 1) + " of " + allowed : null)
                .update();
        return new Crossing(report, flagged, earlier);
    }
}
