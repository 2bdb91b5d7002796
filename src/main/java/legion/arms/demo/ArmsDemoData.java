package legion.arms.demo;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import legion.arms.register.ArmsRegister;
import legion.arms.register.DuplicateWeaponException;
import legion.arms.register.LegalStatus;
import legion.arms.register.Points;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * Demo weapons on first start (when the register is empty): rifles and pistols in stock at the demo points, and some
 * of them issued to synthetic holders, through the same service the desks use (so each has its history and audit).
 * Off with {@code legion.demo.enabled=false}.
 */
@Component
@Order(100)
class ArmsDemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ArmsDemoData.class);

    private record Stocked(String officer, String point, String make, String model, String calibre, String serial) {
    }

    private static final List<Stocked> WEAPONS = List.of(
            new Stocked("armory-kyiv", "KYIV-POLICE-01", "АКМ", "АКМ", "7.62x39", "ВД 7914"),
            new Stocked("armory-kyiv", "KYIV-POLICE-01", "АКМ", "АКМ", "7.62x39", "1984 712155"),
            new Stocked("armory-kyiv", "KYIV-POLICE-01", "ПМ", "ПМ", "9x18", "ЛБ 8841"),
            new Stocked("armory-kyiv", "KYIV-POLICE-01", "ПМ", "ПМ", "9x18", "ЛБ 8842"),
            new Stocked("armory-kyiv-tdf", "KYIV-TDF-112", "АК-74", "АК-74", "5.45x39", "4106382"),
            new Stocked("armory-kyiv-tdf", "KYIV-TDF-112", "АК-74", "АК-74", "5.45x39", "4106383"),
            new Stocked("armory-kharkiv", "KHARKIV-TDF-127", "АКС-74У", "АКС-74У", "5.45x39", "8757450"),
            new Stocked("armory-kharkiv", "KHARKIV-TDF-127", "РПК-74", "РПК-74", "5.45x39", "1979 120920"),
            new Stocked("armory-odesa", "ODESA-TDF-122", "АКМ", "АКМ", "7.62x39", "ГБ 4184"),
            new Stocked("armory-lviv", "LVIV-POLICE-01", "ПМ", "ПМ", "9x18", "0282072"));

    private record Issue(int weapon, String surname, String givenNames, String patronymic, LocalDate born,
                         String document, LegalStatus status) {
    }

    private static final List<Issue> ISSUES = List.of(
            new Issue(0, "Павленко", "Ігор", "Володимирович", LocalDate.of(1969, 7, 7), "ТТ358907", LegalStatus.CITIZEN),
            new Issue(2, "Жук", "Тарас", "Юрійович", LocalDate.of(1990, 4, 2), "ТТ468492", LegalStatus.CITIZEN),
            new Issue(4, "Smith", "John", null, LocalDate.of(1988, 10, 1), "533380006",
                    LegalStatus.FOREIGNER_LEGALLY_RESIDENT),
            new Issue(6, "Хоменко", "Світлана", "Анатоліївна", LocalDate.of(1991, 2, 6), "348110110",
                    LegalStatus.CITIZEN));

    private final ArmsRegister register;
    private final JdbcClient jdbc;
    private final boolean enabled;

    ArmsDemoData(ArmsRegister register, JdbcClient jdbc, @Value("${legion.demo.enabled:true}") boolean enabled) {
        this.register = register;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("select count(*) from arms_weapon").query(Integer.class).single() > 0) {
            return;
        }
        try {
            for (Stocked s : WEAPONS) {
                register.stock(desk(s.officer(), s.point()),
                        new ArmsRegister.Stock(s.make(), s.model(), s.calibre(), s.serial()));
            }
            for (Issue i : ISSUES) {
                Stocked s = WEAPONS.get(i.weapon());
                register.issue(desk(s.officer(), s.point()), s.make(), s.serial(),
                        new ArmsRegister.HolderDetails(i.surname(), i.givenNames(), i.patronymic(), i.born(),
                                i.document(), null, null, i.status()), 90, 3);
            }
            LOG.info("arms register demo: {} weapons, {} issued", WEAPONS.size(), ISSUES.size());
        } catch (DuplicateWeaponException e) {
            LOG.info("arms register demo: seeded by another node");
        }
    }

    private static Actor desk(String officer, String point) {
        return Actor.inUnit(officer, Role.ISSUING_OFFICER, Points.unit(point));
    }
}
