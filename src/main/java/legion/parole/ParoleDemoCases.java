package legion.parole;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import legion.shared.Actor;
import legion.shared.Role;

/**
 * Program 3's demo cases ({@code --legion.demo.parole-cases=true}, once: nothing is added when the demo facility has
 * cases): synthetic convicts of {@code UA-PRISON-1} in every stage, each moved through the real stage machine by the
 * demo officers' actors — eligible now and eligible soon, not eligible, unfit, declined, refused, withdrawn,
 * released by a court (one of them overdue for hand-over) and at the highest level, handed over, in service,
 * absent (referred under art. 336-2), returned to custody, discharged.
 */
@Component
@Order(100)
class ParoleDemoCases implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ParoleDemoCases.class);

    private final ParoleWork work;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final boolean enabled;
    private final boolean wanted;

    ParoleDemoCases(ParoleWork work, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                    @Value("${legion.demo.enabled:true}") boolean enabled,
                    @Value("${legion.demo.parole-cases:false}") boolean wanted) {
        this.work = work;
        this.jdbc = jdbc;
        this.enabled = enabled;
        this.wanted = wanted;
    }

    private static final Actor PRISON = Actor.inUnit("prison-1", Role.PRISON_OFFICER, ParoleDemoOfficers.FACILITY);
    private static final Actor MEDICAL = Actor.inUnit("medical-1", Role.MEDICAL_BOARD, null);
    private static final Actor COMMANDER = Actor.inUnit("commander-1", Role.UNIT_COMMANDER,
            ParoleDemoOfficers.MILITARY_UNIT);
    private static final Actor CLERK = Actor.inUnit("clerk-1", Role.COURT_CLERK, null);
    private static final Actor ESCORT = Actor.inUnit("escort-1", Role.ESCORT, null);
    private static final Actor TCC = Actor.inUnit("tcc-1", Role.TCC_OFFICER, null);
    private static final Actor SUPERVISOR = Actor.inUnit("supervisor-1", Role.SUPERVISING_OFFICER,
            ParoleDemoOfficers.MILITARY_UNIT);
    private static final Actor PROSECUTOR = Actor.inUnit("prosecutor-1", Role.PROSECUTOR, null);

    /** Who the demo convict is, and how far the case goes. */
    private record Demo(String name, String offences, int sentenceDaysLeft, String until) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("Олександр Бондаренко", "185:4", 700, "APPLIED"),
            new Demo("Микола Ткаченко", "186:2", 3 * 366 + 20, "APPLIED"),
            new Demo("Василь Кравченко", "115:2.1", 2000, "NOT_ELIGIBLE"),
            new Demo("Андрій Шевчук", "121:1", 500, "SCREENED"),
            new Demo("Юрій Поліщук", "185:3", 400, "UNFIT"),
            new Demo("Сергій Коваль", "187:1", 600, "EXAMINED"),
            new Demo("Ігор Марченко", "289:2", 650, "DECLINED"),
            new Demo("Дмитро Лисенко", "185:2", 300, "ACCEPTED"),
            new Demo("Роман Мельник", "186:1", 450, "PETITIONED"),
            new Demo("Віталій Руденко", "121:2", 800, "REFUSED"),
            new Demo("Павло Савченко", "185:4", 350, "WITHDRAWN"),
            new Demo("Богдан Гончаренко", "187:2", 900, "RELEASED"),
            new Demo("Тарас Петренко", "185:1", 200, "OVERDUE"),
            new Demo("Степан Білик", "296:4", 250, "HIGHEST_LEVEL"),
            new Demo("Олег Романенко", "186:3", 720, "HANDED_OVER"),
            new Demo("Євген Захарченко", "289:1", 640, "IN_SERVICE"),
            new Demo("Артем Кузьменко", "185:3", 560, "ABSENT"),
            new Demo("Максим Гриценко", "186:1", 480, "RETURNED_TO_CUSTODY"),
            new Demo("Володимир Осадчий", "121:1", 380, "DISCHARGED"));

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !wanted) {
            return;
        }
        long have = jdbc.sql("select count(*) from parole_case where facility = ?")
                .param(ParoleDemoOfficers.FACILITY.code()).query(Long.class).single();
        if (have > 0) {
            return;
        }
        int made = 0;
        try {
            for (Demo d : DEMOS) {
                make(d, made++);
            }
            LOG.info("demo data: {} parole cases in every stage", made);
        } catch (ParoleRefusedException e) {
            LOG.warn("demo data: parole cases stopped after {} ({} {})", made, e.refusal(), e.transition());
        } catch (RuntimeException e) {
            LOG.warn("demo data: parole cases stopped after {} ({})", made, e.getClass().getSimpleName());
        }
    }

    private void make(Demo d, int n) {
        LocalDate today = LocalDate.now(ParolePolicies.LEGAL_ZONE);
        Convict convict = new Convict(d.name(), LocalDate.of(1980 + n % 15, 1 + n % 12, 1 + n % 27),
                "UA-1-" + String.format("%05d", 1000 + n), d.offences(), today.plusDays(d.sentenceDaysLeft()), false,
                false);
        ParoleCase c = work.file(PRISON, convict, null, "Senior inspector Kovalenko");
        ParoleReference ref = c.reference();
        String until = d.until();
        if (until.equals("APPLIED")) {
            return;
        }
        if (until.equals("NOT_ELIGIBLE")) {
            act(PRISON, ref, Transition.FIND_NOT_ELIGIBLE, "policy v1: excluded offence");
            return;
        }
        if (until.equals("WITHDRAWN")) {
            work.act(PRISON, ref, new ParoleAction(Transition.WITHDRAW, "the convict changed his mind", null,
                    "Senior inspector Kovalenko", null, null, null, null));
            return;
        }
        screen(ref);
        if (until.equals("SCREENED")) {
            return;
        }
        if (until.equals("UNFIT")) {
            act(MEDICAL, ref, Transition.FIND_UNFIT, "chronic heart condition");
            return;
        }
        act(MEDICAL, ref, Transition.FIND_FIT, null);
        if (until.equals("EXAMINED")) {
            return;
        }
        if (until.equals("DECLINED")) {
            act(COMMANDER, ref, Transition.DECLINE, "no place in the unit this month");
            return;
        }
        if (until.equals("HIGHEST_LEVEL")) {
            work.act(PRISON, ref, new ParoleAction(Transition.RELEASE_AT_HIGHEST_LEVEL, "as in February 2022", null,
                    null, null, null, null, new ParoleAction.AuthorityFacts("Office of the President (demo)",
                    "No. 7/2022", LocalDate.of(2022, 2, 28))));
            return;
        }
        work.act(COMMANDER, ref, new ParoleAction(Transition.ACCEPT, "combat experience", null, null,
                ParoleDemoOfficers.MILITARY_UNIT.code(), null, null, null));
        if (until.equals("ACCEPTED")) {
            return;
        }
        act(PRISON, ref, Transition.PETITION, null);
        if (until.equals("PETITIONED")) {
            return;
        }
        Instant effect = work.instant().minus(until.equals("OVERDUE") ? 30 : 2, ChronoUnit.HOURS);
        if (until.equals("REFUSED")) {
            work.act(CLERK, ref, new ParoleAction(Transition.REFUSE, "the court refused", null, null, null, null,
                    new ParoleAction.RulingFacts("Demo district court", "761/" + n + "/25", effect), null));
            return;
        }
        work.act(CLERK, ref, new ParoleAction(Transition.RELEASE, null, null, null, null, null,
                new ParoleAction.RulingFacts("Demo district court", "761/" + n + "/25", effect), null));
        if (until.equals("RELEASED") || until.equals("OVERDUE")) {
            return;
        }
        act(ESCORT, ref, Transition.HAND_OVER, null);
        if (until.equals("HANDED_OVER")) {
            return;
        }
        work.act(TCC, ref, new ParoleAction(Transition.SIGN_CONTRACT, null, null, null,
                ParoleDemoOfficers.MILITARY_UNIT.code(), "rifleman", null, null));
        if (until.equals("IN_SERVICE")) {
            return;
        }
        if (until.equals("DISCHARGED")) {
            act(SUPERVISOR, ref, Transition.DISCHARGE, "end of contract");
            return;
        }
        work.recordServiceEvent(SUPERVISOR, ref, ServiceEventKind.ABSENCE, today, null, "did not return from leave",
                "absent at the morning roll call", null);
        if (until.equals("RETURNED_TO_CUSTODY")) {
            act(PROSECUTOR, ref, Transition.RETURN_TO_CUSTODY, "proceedings under art. 336-2");
        }
    }

    /** SCREEN waits (a minute at most) for the watchlists a node loads in the background at start. */
    private void screen(ParoleReference ref) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                act(PRISON, ref, Transition.SCREEN, null);
                return;
            } catch (ParoleRefusedException e) {
                if (e.refusal() != ParoleRefusedException.Refusal.SCREENING_PENDING || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void act(Actor actor, ParoleReference ref, Transition t, String reason) {
        work.act(actor, ref, ParoleAction.of(t, reason));
    }
}
