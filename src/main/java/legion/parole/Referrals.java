package legion.parole;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import legion.access.Officers;
import legion.audit.AuditLog;
import legion.outbox.Mail;
import legion.outbox.Outbox;
import legion.parole.ParoleEvent.ReturnedToCustody;
import legion.parole.ParoleEvent.ServiceEventRecorded;
import legion.parole.ParoleRefusedException.Refusal;
import legion.shared.Actor;
import legion.shared.Role;
import legion.shared.Unit;

/**
 * The prosecutor's queue: an unauthorised absence (art. 336-2) or a new offence in service is referred in the
 * transaction that records it — a row of {@code parole_referral} for the prosecutor role, and a mail through the
 * platform's outbox to each prosecutor who has an address (the reference, the kind and the article only; the case
 * page has the rest). A referral stays open until a prosecutor returns the serviceman to custody or closes it with a
 * reason.
 */
@Component
public class Referrals {

    private final JdbcClient jdbc;
    private final Officers officers;
    private final Outbox outbox;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    Referrals(JdbcClient jdbc, Officers officers, Outbox outbox, MessageSource messages, AuditLog audit,
              ObjectProvider<Clock> clocks) {
        this.jdbc = jdbc;
        this.officers = officers;
        this.outbox = outbox;
        this.messages = messages;
        this.audit = audit;
        this.clock = clocks.getIfAvailable(Clock::systemUTC);
    }

    /** A referral waiting for the prosecutor: no personal data (the case page has it). */
    public record Referral(UUID id, ParoleReference reference, ServiceEventKind kind, String article,
                           Instant referredAt, String referredBy, Instant closedAt, String closedBy) {
        public boolean isOpen() {
            return closedAt == null;
        }
    }

    @EventListener
    void on(ServiceEventRecorded e) {
        if (!e.referred()) {
            return;
        }
        ParoleEvent.Moved m = e.moved();
        UUID caseId = jdbc.sql("select id from parole_case where reference = ?").param(m.reference().value())
                .query(UUID.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into parole_referral (id, case_id, reference, kind, article, referred_at, referred_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, caseId, m.reference().value(), e.kind().name(), e.article(), ts(m.at()), m.actor())
                .update();
        audit.append(m.actor(), m.actorRole(), "PAROLE_REFERRED", m.reference().value(),
                "kind=" + e.kind() + (e.article() == null ? "" : " article=" + e.article()));
        String kind = messages.getMessage("parole.kind." + e.kind().name(), null, e.kind().name(), Locale.ENGLISH);
        String article = e.article() == null ? "-" : e.article();
        for (Map.Entry<String, String> to : officers.mailAddresses(Role.PROSECUTOR).entrySet()) {
            Object[] args = {m.reference().value(), kind, article};
            outbox.enqueue(new Mail("parole:referral:" + id + ":" + to.getKey(), "PAROLE_REFERRAL", to.getValue(),
                    messages.getMessage("parole.mail.referral.subject", args, Locale.ENGLISH),
                    messages.getMessage("parole.mail.referral.text", args, Locale.ENGLISH), Locale.ENGLISH));
        }
    }

    /** Returning the serviceman to custody decides every open referral of the case. */
    @EventListener
    void on(ReturnedToCustody e) {
        jdbc.sql("update parole_referral set closed_at = ?, closed_by = ? where reference = ? and closed_at is null")
                .params(ts(e.moved().at()), e.moved().actor(), e.moved().reference().value()).update();
    }

    /**
     * A hand-over missed by its due time (flagged once across nodes, in the flagging transaction): a mail to each
     * escort and to the supervising officers of the accepting unit who have an address.
     */
    @EventListener
    void on(HandOverOverdue e) {
        String unit = jdbc.sql("select commander_unit from parole_case where reference = ?")
                .param(e.reference().value()).query(String.class).optional().orElse(null);
        Map<String, String> to = new java.util.TreeMap<>(officers.mailAddresses(Role.ESCORT));
        if (unit != null) {
            to.putAll(officers.mailAddresses(Role.SUPERVISING_OFFICER, Unit.of(Unit.MILITARY_UNIT, unit)));
        }
        Object[] args = {e.reference().value(), e.due().toString()};
        for (Map.Entry<String, String> r : to.entrySet()) {
            outbox.enqueue(new Mail("parole:overdue:" + e.reference().value() + ":" + r.getKey(),
                    "PAROLE_HAND_OVER_OVERDUE", r.getValue(),
                    messages.getMessage("parole.mail.overdue.subject", args, Locale.ENGLISH),
                    messages.getMessage("parole.mail.overdue.text", args, Locale.ENGLISH), Locale.ENGLISH));
        }
    }

    /** The prosecutor's queue: open referrals, oldest first (prosecutors and HQ). */
    public List<Referral> open(Actor actor, int limit) {
        requireProsecutorOrHq(actor);
        return jdbc.sql("select id, reference, kind, article, referred_at, referred_by, closed_at, closed_by "
                        + "from parole_referral where closed_at is null order by referred_at, id fetch first ? rows only")
                .param(limit).query((rs, n) -> map(rs)).list();
    }

    /** The referrals of one case, newest first. */
    public List<Referral> of(ParoleReference reference) {
        return jdbc.sql("select id, reference, kind, article, referred_at, referred_by, closed_at, closed_by "
                        + "from parole_referral where reference = ? order by referred_at desc, id")
                .param(reference.value()).query((rs, n) -> map(rs)).list();
    }

    /** A prosecutor closes a referral without returning the serviceman to custody, with a reason (audited). */
    @Transactional
    public void close(Actor actor, UUID id, String reason) {
        if (actor.role() != Role.PROSECUTOR) {
            throw new ParoleRefusedException(Refusal.ROLE_NOT_PERMITTED, null, "only a prosecutor closes a referral");
        }
        if (reason == null || reason.isBlank()) {
            throw new ParoleRefusedException(Refusal.DETAILS_REQUIRED, null, "closing a referral needs a reason");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String reference = jdbc.sql("select reference from parole_referral where id = ?").param(id)
                .query(String.class).optional().orElseThrow(ParoleProblem::notFound);
        int changed = jdbc.sql("update parole_referral set closed_at = ?, closed_by = ? where id = ? "
                + "and closed_at is null").params(ts(now), actor.id(), id).update();
        if (changed != 1) {
            throw new ParoleRefusedException(Refusal.ILLEGAL_STAGE, null, "the referral is closed already");
        }
        audit.append(actor.id(), actor.role().name(), "PAROLE_REFERRAL_CLOSED", reference, "referral=" + id);
    }

    private static void requireProsecutorOrHq(Actor actor) {
        if (actor.role() != Role.PROSECUTOR && actor.role() != Role.ADMINISTRATOR) {
            throw new ParoleRefusedException(Refusal.ROLE_NOT_PERMITTED, null, "the referrals are the prosecutor's");
        }
    }

    private static Referral map(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        return new Referral(rs.getObject("id", UUID.class), new ParoleReference(rs.getString("reference")),
                ServiceEventKind.valueOf(rs.getString("kind")), rs.getString("article"),
                rs.getObject("referred_at", OffsetDateTime.class).toInstant(), rs.getString("referred_by"),
                closed == null ? null : closed.toInstant(), rs.getString("closed_by"));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
