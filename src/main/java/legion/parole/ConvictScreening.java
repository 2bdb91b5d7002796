package legion.parole;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import legion.audit.AuditLog;
import legion.parole.ParoleRefusedException.Refusal;
import legion.screening.Hit;
import legion.screening.Person;
import legion.screening.ScreeningLists;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * Convicts screened against the watchlists the node loaded (UN, OFAC), through the screening module's published API
 * ({@link ScreeningLists#screenPerson}): the same name matching as for volunteers, a Ukrainian convict's name and date
 * of birth. What is linked and why: ADR 0111 (the Legion's volunteers are not; the arms register's people are not
 * yet). Screening fails closed: while a configured list is not loaded the case stays {@code PENDING} and SCREEN is
 * held; an open or confirmed hit holds SCREEN too, until HQ clears it.
 */
@Component
public class ConvictScreening {

    public enum Status { PENDING, SCREENED }

    public enum HitStatus { OPEN, CLEARED, CONFIRMED }

    /** A hit as shown: the listed entry, never the convict. */
    public record ConvictHit(UUID id, String list, String listId, String matchedName, double score,
                             HitStatus status) {
    }

    /** Where a case's screening stands. */
    public record Screening(Status status, String listVersions, List<ConvictHit> hits) {
        /** The hold it puts on SCREEN, or null. */
        public Refusal hold() {
            if (status == Status.PENDING) {
                return Refusal.SCREENING_PENDING;
            }
            return hits.stream().anyMatch(h -> h.status() != HitStatus.CLEARED) ? Refusal.WATCHLIST_HIT : null;
        }
    }

    private final JdbcClient jdbc;
    private final ScreeningLists lists;
    private final AuditLog audit;
    private final Clock clock;

    ConvictScreening(JdbcClient jdbc, ScreeningLists lists, AuditLog audit, ObjectProvider<Clock> clocks) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.audit = audit;
        this.clock = clocks.getIfAvailable(Clock::systemUTC);
    }

    /** Screens the case's convict now, in the caller's transaction; stays PENDING when a list is not loaded. */
    @Transactional
    public Screening screen(ParoleCase c) {
        UUID caseId = c.id().value();
        var found = lists.screenPerson(new Person(c.convict().fullName(), c.convict().dateOfBirth(), "UA", null));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String versions = found.map(f -> new TreeMap<>(f.versions()).toString()).orElse(null);
        Status status = found.isPresent() ? Status.SCREENED : Status.PENDING;
        int updated = jdbc.sql("update parole_screening set status = ?, list_versions = ?, screened_at = ? "
                + "where case_id = ?").params(status.name(), versions, ts(now), caseId).update();
        if (updated == 0) {
            jdbc.sql("insert into parole_screening (case_id, status, list_versions, screened_at) values (?, ?, ?, ?)")
                    .params(caseId, status.name(), versions, ts(now)).update();
        }
        found.ifPresent(f -> {
            for (Hit h : f.hits()) {
                int known = jdbc.sql("select count(*) from parole_screening_hit where case_id = ? and list = ? "
                        + "and list_id = ?").params(caseId, h.list(), h.listId()).query(Integer.class).single();
                if (known == 0) {
                    jdbc.sql("insert into parole_screening_hit (id, case_id, list, list_id, matched_name, score, "
                                    + "status) values (?, ?, ?, ?, ?, ?, ?)")
                            .params(UUID.randomUUID(), caseId, h.list(), h.listId(), h.matchedName(), h.score(),
                                    HitStatus.OPEN.name()).update();
                    audit.append("system", "SYSTEM", "PAROLE_WATCHLIST_HIT", c.reference().value(),
                            "list=" + h.list() + " id=" + h.listId());
                }
            }
        });
        return of(c);
    }

    /** The case's screening (PENDING when never screened). */
    public Screening of(ParoleCase c) {
        UUID caseId = c.id().value();
        Map<String, Object> row = jdbc.sql("select status, list_versions from parole_screening where case_id = ?")
                .param(caseId).query().listOfRows().stream().findFirst().orElse(null);
        List<ConvictHit> hits = jdbc.sql("select id, list, list_id, matched_name, score, status from "
                        + "parole_screening_hit where case_id = ? order by score desc, id")
                .param(caseId)
                .query((rs, n) -> new ConvictHit(rs.getObject("id", UUID.class), rs.getString("list"),
                        rs.getString("list_id"), rs.getString("matched_name"), rs.getDouble("score"),
                        HitStatus.valueOf(rs.getString("status"))))
                .list();
        return row == null ? new Screening(Status.PENDING, null, hits)
                : new Screening(Status.valueOf((String) row.get("status")), (String) row.get("list_versions"), hits);
    }

    /** HQ (an administrator) clears a hit as another person, or confirms it (SCREEN stays held). */
    @Transactional
    public void decide(Actor actor, ParoleCase c, UUID hitId, HitStatus decision) {
        if (actor.role() != Role.ADMINISTRATOR) {
            throw new ParoleRefusedException(Refusal.ROLE_NOT_PERMITTED, null, "HQ decides watchlist hits");
        }
        if (decision == null || decision == HitStatus.OPEN) {
            throw ParoleProblem.invalid("decision is CLEARED or CONFIRMED");
        }
        int changed = jdbc.sql("update parole_screening_hit set status = ?, decided_by = ?, decided_at = ? "
                        + "where id = ? and case_id = ? and status = ?")
                .params(decision.name(), actor.id(), ts(clock.instant()), hitId, c.id().value(),
                        HitStatus.OPEN.name()).update();
        if (changed != 1) {
            throw new ParoleRefusedException(Refusal.ILLEGAL_STAGE, null, "no open hit with this id on the case");
        }
        audit.append(actor.id(), actor.role().name(), "PAROLE_HIT_" + decision.name(), c.reference().value(),
                "hit=" + hitId);
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
