package legion.arms.register;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.arms.reconcile.Finding;
import legion.arms.reconcile.JournalEntry;
import legion.arms.reconcile.Person;
import legion.arms.reconcile.ReconcileFiles;
import legion.arms.reconcile.Reconciliation;
import legion.arms.reconcile.RegisterEntry;
import legion.audit.AuditLog;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * The registry supervisor's work: journals uploaded in the console reconciled against the register by the same
 * engine as {@code arms-reconcile} ({@link Reconciliation}) into a queue of findings to resolve, the register's
 * own anomalies (lost or stolen weapons seen again, weapons it did not know, conflicts of offline desks) in the same
 * queue, and resolving a finding (audited). Findings hold serials, makes and codes, never a person's data.
 */
@Service
public class ArmsSupervision {

    private final JdbcClient jdbc;
    private final Holders holders;
    private final AuditLog audit;
    private final Clock clock;

    ArmsSupervision(JdbcClient jdbc, Holders holders, AuditLog audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Where a finding comes from. */
    public enum Source { JOURNAL, OFFLINE_DESK, REGISTER }

    /** One finding of the queue. */
    public record Item(String id, Source source, String kind, Integer journalRow, String make, String serial,
                       String registerSerial, String point, Double score, String detail, Instant createdAt,
                       String status, String resolvedBy, String resolution) {
    }

    /** What an upload found: rows read and findings by kind (all but MATCHED queued). */
    public record Upload(String journalId, int rows, Map<Finding.Kind, Integer> counts)
            implements java.io.Serializable {
    }

    /**
     * Reconciles an uploaded journal ({@code arms-reconcile}'s JOURNAL.csv) against every issue of the register.
     *
     * @throws legion.arms.reconcile.BadInputException a bad file, naming row and column (nothing stored)
     */
    @Transactional
    public Upload uploadJournal(Actor supervisor, String fileName, byte[] content) {
        requireSupervisor(supervisor);
        String label = fileName == null || fileName.isBlank() ? "journal.csv"
                : fileName.replaceAll("[^\\p{Alnum}._-]", "_");
        label = label.length() > 100 ? label.substring(0, 100) : label;
        List<JournalEntry> journal = ReconcileFiles.readJournal(label, content);
        Map<String, Holder> people = holders.issued();
        List<RegisterEntry> register = jdbc.sql("select w.serial, w.make, i.holder_id from arms_issue i "
                        + "join arms_weapon w on w.id = i.weapon_id order by i.issued_at")
                .query((rs, n) -> {
                    Holder h = people.get(rs.getString("holder_id"));
                    return new RegisterEntry(n + 1, rs.getString("serial"), rs.getString("make"),
                            new Person(h.documentNumber(), h.surname(), h.givenNames(), h.patronymic(),
                                    h.dateOfBirth().toString()));
                }).list();
        List<Finding> findings = new Reconciliation(register).reconcile(journal);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into arms_journal (id, file_name, rows_read, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?)")
                .params(id, label, journal.size(), supervisor.id(), Weapons.ts(now)).update();
        Map<Finding.Kind, Integer> counts = new EnumMap<>(Finding.Kind.class);
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            counts.merge(f.kind(), 1, Integer::sum);
            if (f.kind() != Finding.Kind.MATCHED) {
                JournalEntry e = journal.get(i);
                insert(Source.JOURNAL, id, f.journalRow(), f.kind().name(), cut(e.make(), 60), cut(e.serial(), 60),
                        f.registerSerial(), null, null, f.score(), null, now);
            }
        }
        audit.append(supervisor.id(), supervisor.role().name(), "ARMS_JOURNAL_RECONCILED", id,
                journal.size() + " rows, " + counts);
        return new Upload(id, journal.size(), counts);
    }

    /** Flags an anomaly of the register itself or of an offline desk for the supervisor (never resolved silently). */
    @Transactional
    public String flag(Source source, String kind, String make, String serial, String weaponId, String point,
                       String detail) {
        return insert(source, null, null, kind, cut(make, 60), cut(serial, 60), null, weaponId, point, null,
                cut(detail, 500), clock.instant());
    }

    /** The queue: open findings first (newest first), then the 50 last resolved. */
    public List<Item> queue(Actor supervisor, boolean resolved) {
        requireSupervisor(supervisor);
        return jdbc.sql("select * from arms_finding where status = ? order by created_at desc, id")
                .param(resolved ? "RESOLVED" : "OPEN").query((rs, n) -> new Item(rs.getString("id"),
                        Source.valueOf(rs.getString("source")), rs.getString("kind"),
                        rs.getObject("journal_row", Integer.class), rs.getString("make"), rs.getString("serial"),
                        rs.getString("register_serial"), rs.getString("point_code"),
                        rs.getObject("score", Double.class), rs.getString("detail"), Weapons.instant(rs, "created_at"),
                        rs.getString("status"), rs.getString("resolved_by"), rs.getString("resolution")))
                .list().stream().limit(resolved ? 50 : 1000).toList();
    }

    /** Resolves an open finding with what the supervisor did about it (audited); false if it was not open. */
    @Transactional
    public boolean resolve(Actor supervisor, String id, String resolution) {
        requireSupervisor(supervisor);
        if (resolution == null || resolution.isBlank() || resolution.strip().length() > 500) {
            throw new legion.shared.InvalidInputException("resolution", resolution == null || resolution.isBlank()
                    ? "required" : "length");
        }
        int n = jdbc.sql("update arms_finding set status = 'RESOLVED', resolved_by = ?, resolved_at = ?, "
                        + "resolution = ? where id = ? and status = 'OPEN'")
                .params(supervisor.id(), Weapons.ts(clock.instant()), resolution.strip(), id).update();
        if (n == 1) {
            audit.append(supervisor.id(), supervisor.role().name(), "ARMS_FINDING_RESOLVED", id, null);
        }
        return n == 1;
    }

    /** A weapon that the register knows in two places at once, or one seen again after it was lost or stolen. */
    public record Anomaly(String kind, String make, String serial, String point, Instant at) {
    }

    /**
     * The register's anomalies computed from its history: lost or stolen weapons seen again (found, or still
     * returned or issued afterwards) and weapons it did not know until they were found ({@code UNKNOWN_SERIAL}).
     */
    public List<Anomaly> anomalies(Actor supervisor) {
        requireSupervisor(supervisor);
        List<Anomaly> seenAgain = jdbc.sql("select w.make, w.serial, c.point_code, c.at from arms_custody c "
                        + "join arms_weapon w on w.id = c.weapon_id where c.event = 'FOUND' and exists (select 1 from "
                        + "arms_custody p where p.weapon_id = c.weapon_id and p.seq < c.seq and p.event in "
                        + "('REPORTED_LOST', 'REPORTED_STOLEN')) order by c.at desc")
                .query((rs, n) -> new Anomaly("LOST_OR_STOLEN_SEEN_AGAIN", rs.getString(1), rs.getString(2),
                        rs.getString(3), Weapons.instant(rs, "at"))).list();
        List<Anomaly> unknown = jdbc.sql("select w.make, w.serial, c.point_code, c.at from arms_custody c "
                        + "join arms_weapon w on w.id = c.weapon_id where c.event = 'FOUND' and not exists (select 1 "
                        + "from arms_custody p where p.weapon_id = c.weapon_id and p.seq < c.seq) order by c.at desc")
                .query((rs, n) -> new Anomaly("UNKNOWN_SERIAL", rs.getString(1), rs.getString(2), rs.getString(3),
                        Weapons.instant(rs, "at"))).list();
        List<Anomaly> all = new java.util.ArrayList<>(seenAgain);
        all.addAll(unknown);
        return all;
    }

    private String insert(Source source, String journalId, Integer row, String kind, String make, String serial,
                          String registerSerial, String weaponId, String point, Double score, String detail,
                          Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into arms_finding (id, source, journal_id, journal_row, kind, make, serial, register_serial, "
                        + "weapon_id, point_code, score, detail, status, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
                .params(id, source.name(), journalId, row, kind, make, serial, registerSerial, weaponId, point, score,
                        detail, Weapons.ts(at)).update();
        return id;
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    private static void requireSupervisor(Actor a) {
        if (a.role() != Role.REGISTRY_SUPERVISOR) {
            throw new SecurityException("registry supervisors only");
        }
    }
}
