package legion.arms.register;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issues of weapons to holders ({@code arms_issue}); an issue is open until the weapon is returned. */
@Repository
class Issues {

    private final JdbcClient jdbc;

    Issues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(String number, String weaponId, String holderId, String point, String officer, int rounds,
              int magazines, Instant at, int policyVersion, java.time.LocalDate dueOn, String sealHex) {
        jdbc.sql("insert into arms_issue (number, weapon_id, holder_id, point_code, officer, rounds, magazines, "
                        + "issued_at, policy_version, due_on, seal) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(number, weaponId, holderId, point, officer, rounds, magazines, Weapons.ts(at), policyVersion,
                        dueOn, sealHex)
                .update();
    }

    void close(String number, String point, Instant at) {
        jdbc.sql("update arms_issue set returned_at = ?, returned_at_point = ? where number = ? and returned_at is null")
                .params(Weapons.ts(at), point, number).update();
    }

    /** An issue as stored: what the receipt page prints beside the seal. */
    record Stored(String number, String weaponId, String point, String officer, int rounds, int magazines,
                  Instant issuedAt, Instant returnedAt, String seal) {
    }

    java.util.Optional<Stored> find(String number) {
        return jdbc.sql("select * from arms_issue where number = ?").param(number).query((rs, n) -> new Stored(
                rs.getString("number"), rs.getString("weapon_id"), rs.getString("point_code"), rs.getString("officer"),
                rs.getInt("rounds"), rs.getInt("magazines"), Weapons.instant(rs, "issued_at"),
                Weapons.instant(rs, "returned_at"), rs.getString("seal"))).optional();
    }
}
