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
              int magazines, Instant at, int policyVersion) {
        jdbc.sql("insert into arms_issue (number, weapon_id, holder_id, point_code, officer, rounds, magazines, "
                        + "issued_at, policy_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(number, weaponId, holderId, point, officer, rounds, magazines, Weapons.ts(at), policyVersion)
                .update();
    }

    void close(String number, String point, Instant at) {
        jdbc.sql("update arms_issue set returned_at = ?, returned_at_point = ? where number = ? and returned_at is null")
                .params(Weapons.ts(at), point, number).update();
    }

    void attachSeal(String number, String sealHex) {
        jdbc.sql("update arms_issue set seal = ? where number = ?").params(sealHex, number).update();
    }
}
