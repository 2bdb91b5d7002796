package legion.arms.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import legion.arms.Serials;

/**
 * The register's weapons and their custody history ({@code arms_weapon}, {@code arms_custody}). A weapon is stored
 * with the entries it gained, in the caller's transaction; the update is guarded by the version read, so of two
 * desks issuing the same weapon at once one wins and the other gets {@link WeaponConflictException}.
 */
@Repository
public class Weapons {

    private final JdbcClient jdbc;

    Weapons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new weapon; {@link DuplicateWeaponException} when its make and serial are registered already. */
    public void insert(Weapon w, Instant at) {
        try {
            jdbc.sql("insert into arms_weapon (id, make, model, calibre, serial, make_key, serial_key, status, point_code, "
                            + "issue_number, version, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
                    .params(w.id(), w.make(), w.model(), w.calibre(), w.serial(), Serials.normalize(w.make()),
                            Serials.normalize(w.serial()), w.status().name(), w.point(), w.issueNumber(), ts(at))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DuplicateWeaponException();
        }
        appendPending(w);
    }

    /** Stores a changed weapon and its new entries; throws {@link WeaponConflictException} if it changed meanwhile. */
    public void update(Weapon w) {
        int n = jdbc.sql("update arms_weapon set status = ?, point_code = ?, issue_number = ?, version = version + 1 "
                        + "where id = ? and version = ?")
                .params(w.status().name(), w.point(), w.issueNumber(), w.id(), w.version()).update();
        if (n != 1) {
            throw new WeaponConflictException();
        }
        appendPending(w);
    }

    private void appendPending(Weapon w) {
        for (CustodyEntry e : w.pending()) {
            jdbc.sql("insert into arms_custody (weapon_id, event, at, actor, actor_role, point_code, holder_id, "
                            + "issue_number, rounds, magazines, status_after, occurred_at, late, corrects, note) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(w.id(), e.event().name(), ts(e.at()), e.actor(), e.actorRole(), e.point(), e.holderId(),
                            e.issueNumber(), e.rounds(), e.magazines(), e.statusAfter().name(), ts(e.occurredAt()),
                            e.late(), e.corrects(), e.note())
                    .update();
        }
    }

    /** Whether an issuing point of this code exists. */
    public boolean pointExists(String code) {
        return jdbc.sql("select count(*) from arms_point where code = ?").param(code).query(Integer.class).single() > 0;
    }

    public Optional<Weapon> find(String id) {
        return jdbc.sql("select * from arms_weapon where id = ?").param(id).query(Weapons::weapon).optional();
    }

    /** The weapon with this make and serial, both compared normalised. */
    public Optional<Weapon> findBySerial(String make, String serial) {
        return jdbc.sql("select * from arms_weapon where make_key = ? and serial_key = ?")
                .params(Serials.normalize(make), Serials.normalize(serial)).query(Weapons::weapon).optional();
    }

    /** A weapon's custody history, oldest first. */
    public List<CustodyEntry> history(String weaponId) {
        return jdbc.sql("select * from arms_custody where weapon_id = ? order by seq").param(weaponId)
                .query(Weapons::entry).list();
    }

    private static Weapon weapon(ResultSet rs, int row) throws SQLException {
        return Weapon.restore(rs.getString("id"), rs.getString("make"), rs.getString("model"), rs.getString("calibre"),
                rs.getString("serial"), WeaponStatus.valueOf(rs.getString("status")), rs.getString("point_code"),
                rs.getString("issue_number"), rs.getInt("version"));
    }

    private static CustodyEntry entry(ResultSet rs, int row) throws SQLException {
        long corrects = rs.getLong("corrects");
        Long correctsOrNull = rs.wasNull() ? null : corrects;
        return new CustodyEntry(rs.getLong("seq"), CustodyEvent.valueOf(rs.getString("event")), instant(rs, "at"),
                rs.getString("actor"), rs.getString("actor_role"), rs.getString("point_code"),
                rs.getString("holder_id"), rs.getString("issue_number"), (Integer) rs.getObject("rounds", Integer.class),
                rs.getObject("magazines", Integer.class), WeaponStatus.valueOf(rs.getString("status_after")),
                instant(rs, "occurred_at"), rs.getBoolean("late"), correctsOrNull, rs.getString("note"));
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
