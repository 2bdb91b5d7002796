package legion.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import legion.embassy.Embassies;
import legion.enlistment.Applicant;
import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.enlistment.RejectionReason;
import legion.enlistment.Stage;
import legion.shared.Actor;
import legion.shared.Role;
import legion.shared.ServiceRole;

/**
 * The Legion's demo applications (its demo officers are {@link LegionDemoOfficers}, seeded by {@code access}): with
 * {@code legion.demo.enlistments=N} tops the database up to N synthetic applications spread over countries,
 * roles and stages, each moved through the real transitions.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final legion.eligibility.Eligibility eligibility;
    private final Enlistments enlistments;
    private final Embassies embassies;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final int wanted;

    DemoData(legion.eligibility.Eligibility eligibility, Enlistments enlistments, Embassies embassies, TransactionTemplate tx,
             @Value("${legion.demo.enabled:true}") boolean enabled,
             @Value("${legion.demo.enlistments:0}") int wanted) {
        this.eligibility = eligibility;
        this.enlistments = enlistments;
        this.embassies = embassies;
        this.tx = tx;
        this.enabled = enabled;
        this.wanted = wanted;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        long have = enlistments.count();
        if (wanted > have) {
            new Synthesizer(new Random(have * 31 + wanted), enlistments, embassies, tx, eligibility).create((int) (wanted - have));
            LOG.info("demo data: {} synthetic applications added", wanted - have);
        }
    }

    /** Builds synthetic applications and walks them through the stage machine with demo officers. */
    static final class Synthesizer {

        private static final String[][] PEOPLE = {
                {"US", "James Robert", "Miller"}, {"US", "Mary Ann", "Johnson"}, {"US", "Michael", "O'Brien"},
                {"GB", "Oliver", "Smith"}, {"GB", "Amelia", "Jones"}, {"GB", "Harry", "Taylor-Wood"},
                {"DE", "Jürgen", "Müller"}, {"DE", "Lukas", "Schröder"}, {"CA", "Émile", "Tremblay"},
                {"PL", "Krzysztof", "Wójcik"}, {"LT", "Tomas", "Kazlauskas"}, {"LV", "Jānis", "Bērziņš"},
                {"GE", "გიორგი", "ბერიძე"}, {"IL", "David", "Cohen"}, {"FR", "Benoît", "Lefèvre"},
                {"JP", "Haruto", "Satō"}, {"BR", "João", "Gonçalves"}, {"BY", "Аляксандр", "Каваленка"},
                {"KZ", "Нурлан", "Абенов"}, {"GR", "Γιώργος", "Παπαδόπουλος"}, {"JO", "محمد", "الأحمد"},
                {"SE", "Erik", "Johansson"}, {"DK", "Mads", "Nielsen"}, {"AU", "Jack", "Wilson"},
                {"CZ", "Jiří", "Dvořák"}, {"NO", "Ola", "Hansen"}, {"FI", "Mikko", "Virtanen"}};
        /** Weights roughly as in March 2022: US 31 %, GB 18 %, DE 6.8 %, CA 4.7 %, the rest spread. */
        private static final int[] WEIGHT = {11, 10, 10, 6, 6, 6, 4, 3, 5, 3, 2, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1};

        private final Random random;
        private final Enlistments enlistments;
        private final Embassies embassies;
        private final TransactionTemplate tx;

        private final legion.eligibility.Eligibility eligibility;

        Synthesizer(Random random, Enlistments enlistments, Embassies embassies, TransactionTemplate tx,
                    legion.eligibility.Eligibility eligibility) {
            this.eligibility = eligibility;
            this.random = random;
            this.enlistments = enlistments;
            this.embassies = embassies;
            this.tx = tx;
        }

        void create(int n) {
            for (int i = 0; i < n; i++) {
                tx.executeWithoutResult(s -> one());
            }
        }

        private void one() {
            String[] p = PEOPLE[pick()];
            String country = p[0];
            ServiceRole role = ServiceRole.values()[random.nextInt(ServiceRole.values().length)];
            boolean experienced = random.nextInt(10) < 7;
            Applicant a = new Applicant(p[1], p[2], LocalDate.of(1965 + random.nextInt(40), 1 + random.nextInt(12),
                    1 + random.nextInt(28)), random.nextInt(10) < 9 ? "M" : "F", country, country,
                    new Applicant.Passport(passport(), country, LocalDate.now().plusYears(1 + random.nextInt(8))),
                    "volunteer" + random.nextInt(1_000_000) + "@example.org", null, List.of("en"), role,
                    experienced ? new Applicant.MilitaryExperience(1 + random.nextInt(20), "Army", random.nextInt(3)) : null,
                    random.nextInt(20) == 0, true);
            String embassy = embassies.route(country).code();
            Enlistment e = Enlistment.submit(Reference.random(), a, embassy);
            enlistments.add(e);
            eligibility.judgeNew(e);
            e = enlistments.findByReference(e.reference()).orElseThrow();
            advance(e, Stage.values()[random.nextInt(Stage.values().length)]);
        }

        private void advance(Enlistment e, Stage target) {
            Actor embassyOfficer = Actor.officer("embassy-" + e.embassyCode().toLowerCase(), Role.EMBASSY_OFFICER,
                    e.embassyCode());
            Actor vetting = Actor.officer("vetting2", Role.VETTING_OFFICER, null);
            Actor reception = Actor.officer("reception1", Role.RECEPTION_OFFICER, null);
            if (target == Stage.SUBMITTED) {
                return;
            }
            if (target == Stage.WITHDRAWN) {
                e.withdraw(Actor.volunteer(), "changed my mind");
                enlistments.update(e);
                return;
            }
            e.startReview(embassyOfficer);
            if (target == Stage.INFO_REQUESTED) {
                e.requestInformation(embassyOfficer, "Please send proof of military service.");
            } else if (target == Stage.REJECTED) {
                e.reject(embassyOfficer, RejectionReason.NO_MILITARY_EXPERIENCE, "No service record.");
            } else if (target != Stage.IN_REVIEW) {
                e.inviteToInterview(embassyOfficer, "Video interview");
                if (target != Stage.INTERVIEW) {
                    e.recommend(embassyOfficer, "Suitable; interview went well.");
                    if (target != Stage.VETTING) {
                        e.approve(vetting, null);
                        if (target != Stage.APPROVED) {
                            e.authorize(vetting);
                            if (target == Stage.REVOKED) {
                                e.revoke(vetting, "Demo revocation");
                            } else if (target != Stage.AUTHORIZED) {
                                e.confirmArrival(reception, null);
                                if (target == Stage.ENLISTED) {
                                    e.enlist(reception, e.applicant().role(), "Demo company " + (1 + random.nextInt(9)));
                                }
                            }
                        }
                    }
                }
            }
            enlistments.update(e);
        }

        private int pick() {
            int total = 0;
            for (int w : WEIGHT) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < WEIGHT.length; i++) {
                r -= WEIGHT[i];
                if (r < 0) {
                    return i;
                }
            }
            return 0;
        }

        private String passport() {
            String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                sb.append(chars.charAt(random.nextInt(chars.length())));
            }
            return sb.toString();
        }
    }
}
