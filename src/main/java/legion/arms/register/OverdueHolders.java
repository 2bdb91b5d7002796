package legion.arms.register;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import legion.audit.AuditLog;
import legion.outbox.Mail;
import legion.outbox.Outbox;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * Holders who did not bring their weapon back by the due day: each overdue issue is flagged once across nodes (the
 * job holds a lease, and {@code update … where overdue_at is null} decides between two nodes anyway), its holder told
 * through the platform's outbox when an e-mail address is recorded, else queued for the registry supervisor to
 * reach them. The mail names the weapon and the issue, never more of the person than the address.
 */
@Component
public class OverdueHolders {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Holders holders;
    private final Outbox outbox;
    private final ArmsSupervision supervision;
    private final AuditLog audit;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Clock clock;

    OverdueHolders(JdbcClient jdbc, Holders holders, Outbox outbox, ArmsSupervision supervision, AuditLog audit,
                   MessageSource messages, TransactionTemplate tx, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.outbox = outbox;
        this.supervision = supervision;
        this.audit = audit;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(fixedDelayString = "${legion.arms.overdue-check-ms:3600000}", initialDelay = 20000)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "arms-overdue-holders", lockAtMostFor = "PT10M")
    void scheduled() {
        flagOverdue();
    }

    private record Due(String number, String holderId, String weaponId, String make, String serial, String point,
                       LocalDate dueOn) {
    }

    /** Flags the issues overdue today and not flagged yet, telling their holders; returns how many it flagged. */
    public int flagOverdue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Due> due = jdbc.sql("select i.number, i.holder_id, i.weapon_id, w.make, w.serial, i.point_code, i.due_on "
                        + "from arms_issue i join arms_weapon w on w.id = i.weapon_id where i.returned_at is null "
                        + "and i.overdue_at is null and i.due_on < ? order by i.due_on, i.number fetch first ? rows only")
                .params(today, BATCH)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class))).list();
        int flagged = 0;
        for (Due d : due) {
            Boolean mine = tx.execute(status -> {
                var email = holders.email(d.holderId());
                int changed = jdbc.sql("update arms_issue set overdue_at = ?, overdue_told = ? where number = ? "
                                + "and overdue_at is null and returned_at is null")
                        .params(Weapons.ts(now), email.isPresent() ? "MAIL" : "NO_ADDRESS", d.number()).update();
                if (changed != 1) {
                    return false;
                }
                if (email.isPresent()) {
                    Locale uk = Locale.forLanguageTag("uk");
                    Object[] args = {d.make(), d.serial(), d.number(), d.dueOn().toString()};
                    outbox.enqueue(new Mail("arms-overdue:" + d.number(), "ARMS_OVERDUE", email.get(),
                            messages.getMessage("arms.overdue.mail.subject", args, uk),
                            messages.getMessage("arms.overdue.mail.text", args, uk), uk));
                } else {
                    supervision.flag(ArmsSupervision.Source.REGISTER, "OVERDUE", d.make(), d.serial(), d.weaponId(),
                            d.point(), "issue " + d.number() + " due " + d.dueOn() + ": no e-mail address recorded");
                }
                audit.append("system", Role.SYSTEM.name(), "ARMS_ISSUE_OVERDUE", d.number(),
                        "due " + d.dueOn() + (email.isPresent() ? ", holder told by mail" : ", no address"));
                return true;
            });
            if (Boolean.TRUE.equals(mine)) {
                flagged++;
            }
        }
        return flagged;
    }

    /** An overdue issue as the supervisor's list shows it (no personal data: the trace has it). */
    public record Overdue(String issueNumber, String make, String serial, String point, LocalDate dueOn,
                          String told) {
    }

    /** Every open issue past its due day, oldest first (flagged or not yet). */
    public List<Overdue> overdue(Actor supervisor) {
        if (supervisor.role() != Role.REGISTRY_SUPERVISOR) {
            throw new SecurityException("registry supervisors only");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbc.sql("select i.number, w.make, w.serial, i.point_code, i.due_on, i.overdue_told from arms_issue i "
                        + "join arms_weapon w on w.id = i.weapon_id where i.returned_at is null and i.due_on < ? "
                        + "order by i.due_on, i.number")
                .param(today).query((rs, n) -> new Overdue(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6))).list();
    }
}
