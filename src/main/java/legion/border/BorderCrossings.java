package legion.border;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.authorization.IssuedAuthorizations;
import legion.authorization.SealReport;
import legion.authorization.TravelAuthorizations;
import legion.enlistment.EnlistmentId;
import legion.screening.CaseScreening;
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
    private final IssuedAuthorizations issued;
    private final CaseScreening screening;

    BorderCrossings(TravelAuthorizations authorizations, JdbcClient jdbc, IssuedAuthorizations issued,
                    CaseScreening screening) {
        this.authorizations = authorizations;
        this.jdbc = jdbc;
        this.issued = issued;
        this.screening = screening;
    }

    /**
     * The outcome shown to the guard; {@code referToSecondLine} when re-screening found the traveller on a list after
     * the authorization was issued (an open hit vetting officers have not cleared).
     */
    public record Crossing(SealReport report, boolean flagged, long earlierCrossings, boolean referToSecondLine) {
    }

    @Transactional
    public Crossing scan(Actor guard, String checkpoint, byte[] seal) {
        return record(guard, checkpoint, seal, null);
    }

    /**
     * A crossing the guard's browser verified offline, sent when it is back online: verified again here and
     * recorded now, with when and how the browser judged it in the note.
     */
    @Transactional
    public Crossing recordOffline(Actor guard, String checkpoint, byte[] seal, Instant verifiedAt, String offlineStatus) {
        String status = offlineStatus == null ? "?" : offlineStatus.replaceAll("[^A-Z_]", "");
        return record(guard, checkpoint, seal, "verified offline at " + verifiedAt.truncatedTo(ChronoUnit.SECONDS)
                + " as " + status.substring(0, Math.min(status.length(), 30)));
    }

    private Crossing record(Actor guard, String checkpoint, byte[] seal, String offlineNote) {
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
        boolean refer = number != null && issued.enlistmentOf(number)
                .map(id -> screening.referToSecondLine(new EnlistmentId(id))).orElse(false);
        jdbc.sql("insert into border_crossing (authorization_number, checkpoint, guard, at, result, flagged, note) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(number, checkpoint, guard.id(), OffsetDateTime.now(ZoneOffset.UTC), report.status(),
                        flagged || refer, note(flagged ? "entry " + (earlier + 1) + " of " + allowed : null,
                                refer ? note("referred to second line", offlineNote) : offlineNote))
                .update();
        return new Crossing(report, flagged, earlier, refer);
    }

    private static String note(String flag, String offline) {
        if (flag == null) {
            return offline;
        }
        return offline == null ? flag : flag + "; " + offline;
    }
}
