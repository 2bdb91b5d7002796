package legion.arms.register;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import legion.audit.AuditLog;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * Issues and returns an issuing desk made without network, sent when it is back (ADR 0102): each is checked again
 * exactly as at an online desk. What the register no longer allows — the weapon issued meanwhile at another point or
 * desk, the holder over the limit, the weapon reported stolen or lost — is never merged: nothing is recorded, and a
 * finding is queued for the registry supervisor with the slip's number. Each slip is recorded once; sending it again
 * answers what the first sending got.
 */
@Service
public class OfflineDesk {

    private final ArmsRegister register;
    private final ArmsSupervision supervision;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    OfflineDesk(ArmsRegister register, ArmsSupervision supervision, JdbcClient jdbc, TransactionTemplate tx,
                AuditLog audit, ObjectProvider<Clock> clock) {
        this.register = register;
        this.supervision = supervision;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What the desk queued: an issue (holder, rounds, magazines) or a return (make and serial only). */
    public record Queued(String slip, boolean isReturn, Instant madeAt, String make, String serial,
                         ArmsRegister.HolderDetails holder, int rounds, int magazines) {
    }

    /** What the server made of a slip: RECORDED with the issue's number, or CONFLICT with the finding's kind. */
    public record Outcome(String slip, String result, String issueNumber, String conflict, String findingId) {
    }

    public Outcome sync(Actor desk, Queued q) {
        if (desk.role() != Role.ISSUING_OFFICER) {
            throw new SecurityException("issuing officers only");
        }
        Optional<Outcome> seen = find(q.slip(), desk);
        if (seen.isPresent()) {
            return seen.get();
        }
        try {
            return tx.execute(s -> {
                String number = q.isReturn()
                        ? register.returnWeapon(desk, q.make(), q.serial(), null, null)
                        : register.issue(desk, q.make(), q.serial(), q.holder(), q.rounds(), q.magazines()).number();
                store(desk, q, "RECORDED", null, number, null);
                return new Outcome(q.slip(), "RECORDED", number, null, null);
            });
        } catch (DuplicateKeyException e) {
            return find(q.slip(), desk).orElseThrow(() -> e);             // the same slip sent twice at once
        } catch (IssueRefusedException e) {
            String rules = String.join(", ", e.failures().stream().map(legion.rules.Finding::rule).toList());
            boolean limit = e.failures().stream().anyMatch(f -> f.rule().startsWith("weapons-held-max"));
            boolean elsewhere = e.failures().stream().anyMatch(f -> f.rule().equals("weapon-in-stock-at-officer-point"));
            return conflict(desk, q, limit ? "HOLDER_OVER_LIMIT" : elsewhere ? "WEAPON_AT_TWO_POINTS" : "OFFLINE_REFUSED",
                    "refused by " + rules);
        } catch (CustodyRefusedException e) {
            String kind = switch (e.weaponStatus()) {
                case STOLEN, LOST -> "WEAPON_REPORTED_STOLEN";
                case ISSUED, IN_STOCK -> "WEAPON_AT_TWO_POINTS";
                default -> "OFFLINE_REFUSED";
            };
            return conflict(desk, q, kind, "weapon " + e.weaponStatus());
        } catch (WeaponConflictException e) {
            return conflict(desk, q, "WEAPON_AT_TWO_POINTS", "changed by another desk at the same moment");
        } catch (WeaponNotFoundException e) {
            return conflict(desk, q, "UNKNOWN_SERIAL", "not in the register");
        }
    }

    private Outcome conflict(Actor desk, Queued q, String kind, String why) {
        return tx.execute(s -> {
            var weapon = register.find(q.make(), q.serial());
            String finding = supervision.flag(ArmsSupervision.Source.OFFLINE_DESK, kind, q.make(), q.serial(),
                    weapon.map(Weapon::id).orElse(null), Points.of(desk), "slip " + q.slip() + " ("
                            + (q.isReturn() ? "return" : "issue") + " made offline at " + q.madeAt() + " by "
                            + desk.id() + "): " + why);
            store(desk, q, "CONFLICT", kind, null, finding);
            audit.append(desk.id(), desk.role().name(), "ARMS_OFFLINE_CONFLICT", q.slip(), kind);
            return new Outcome(q.slip(), "CONFLICT", null, kind, finding);
        });
    }

    private void store(Actor desk, Queued q, String result, String conflict, String number, String finding) {
        jdbc.sql("insert into arms_offline_slip (slip, officer, point_code, kind, made_at, received_at, result, "
                        + "conflict, issue_number, finding_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(q.slip(), desk.id(), Points.of(desk), q.isReturn() ? "RETURN" : "ISSUE", Weapons.ts(q.madeAt()),
                        Weapons.ts(clock.instant()), result, conflict, number, finding).update();
    }

    private Optional<Outcome> find(String slip, Actor desk) {
        return jdbc.sql("select * from arms_offline_slip where slip = ? and officer = ?").params(slip, desk.id())
                .query((rs, n) -> new Outcome(rs.getString("slip"), rs.getString("result"),
                        rs.getString("issue_number"), rs.getString("conflict"), rs.getString("finding_id")))
                .optional();
    }
}
