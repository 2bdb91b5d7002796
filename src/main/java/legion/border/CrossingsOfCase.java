package legion.border;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import legion.authorization.IssuedAuthorizations;
import legion.enlistment.EnlistmentId;
import legion.review.CaseCrossings;

/** The crossings recorded with a case's travel authorization, for the case page. */
@Component
class CrossingsOfCase implements CaseCrossings {

    private final JdbcClient jdbc;
    private final IssuedAuthorizations issued;

    CrossingsOfCase(JdbcClient jdbc, IssuedAuthorizations issued) {
        this.jdbc = jdbc;
        this.issued = issued;
    }

    @Override
    public List<Crossing> of(EnlistmentId id) {
        return issued.find(id.value()).map(a -> jdbc.sql("select at, checkpoint, result, flagged, note from border_crossing "
                        + "where authorization_number = ? order by at, id").param(a.number())
                .query((rs, n) -> new Crossing(rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("checkpoint"), rs.getString("result"), rs.getBoolean("flagged"),
                        rs.getString("note")))
                .list()).orElse(List.of());
    }
}
