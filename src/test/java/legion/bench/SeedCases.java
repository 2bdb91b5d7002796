package legion.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import legion.LegionApplication;
import legion.embassy.Embassies;
import legion.enlistment.Applicant;
import legion.enlistment.Enlistment;
import legion.enlistment.Enlistments;
import legion.enlistment.Reference;
import legion.enlistment.Stage;
import legion.privacy.FieldCipher;
import legion.shared.Actor;
import legion.shared.Role;
import legion.shared.ServiceRole;

/**
 * Seeds N real cases for the re-screening benchmark ({@code bench/rescreen.sh}) in the application's own tables with
 * its own field encryption and blind indexes ({@link #bulk}, batched SQL on two threads); one of them through the
 * repository and the aggregate's transitions ({@link Enlistments#add}, {@link Enlistments#update}, with its events). Every case is in a vetted stage (open, approved, authorized,
 * arrived, enlisted), so a list change re-screens all of them. Names are drawn from a spread of first names and
 * surnames in several scripts; one authorized volunteer, {@code Zebulon Quartermaine} (GB, 1982-03-11), is the one the
 * benchmark's new list version adds. Screening is off while seeding (the server started afterwards screens the cases).
 * Not a test. Run with the data directory and datasource the server will use:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) legion.bench.SeedCases 100000 \
 *   --legion.data-dir=DIR --spring.datasource.url=jdbc:postgresql://... --spring.datasource.username=... ...
 * </pre>
 */
public final class SeedCases {

    static final String[] GIVEN = {"James", "Michael", "Robert", "David", "John", "William", "Thomas", "Daniel",
            "Matthew", "Anthony", "Oliver", "Harry", "George", "Jack", "Lukas", "Maximilian", "Jakub", "Piotr", "Tomasz",
            "Mantas", "Lucas", "João", "Hiroshi", "Kenji", "Liam", "Noah", "Sarah", "Emma", "Olga", "Anna", "Marie",
            "Ingrid", "Aleksandr", "Олександр", "Тарас", "Андрій", "محمد", "أحمد", "Ji-hoon", "太郎", "Zoë", "José",
            "François", "Ólafur", "Søren", "Mark", "Paul", "Peter", "Ivan", "Erik"};
    static final String[] SURNAMES = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
            "Taylor", "Clark", "Müller", "Schmidt", "Schneider", "Kowalski", "Nowak", "Wiśniewski", "Kazlauskas",
            "Silva", "Santos", "Tanaka", "Suzuki", "MacDonald", "O'Brien", "Nguyen", "Martin", "Bernard", "Dubois",
            "Hansen", "Johansen", "Шевченко", "Коваленко", "Бондаренко", "الحسن", "Kim", "山田", "García", "Fernández",
            "Łukasiewicz", "Van der Berg", "Novak", "Horvat", "Petersen", "Larsen", "Becker", "Hoffmann", "Walsh",
            "Murphy", "Kelly", "Rossi", "Romano"};
    static final String[] COUNTRIES = {"US", "US", "US", "GB", "GB", "DE", "CA", "PL", "LT", "FR", "PT", "BR", "JP",
            "AU", "NO"};
    /** Stage mix of the seeded cases (percent), all of them vetted stages. */
    static final Object[][] MIX = {{Stage.SUBMITTED, 30}, {Stage.IN_REVIEW, 15}, {Stage.INFO_REQUESTED, 5},
            {Stage.INTERVIEW, 10}, {Stage.VETTING, 10}, {Stage.APPROVED, 10}, {Stage.AUTHORIZED, 10},
            {Stage.ARRIVED, 5}, {Stage.ENLISTED, 5}};
    static final int PER_TRANSACTION = 500;
    static final int THREADS = 2;

    private SeedCases() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        List<String> springArgs = new ArrayList<>(List.of(args).subList(1, args.length));
        springArgs.addAll(List.of("--server.port=0", "--legion.demo.enabled=false", "--legion.screening.lists=",
                "--legion.screening.enabled=false", "--logging.level.root=WARN"));
        SpringApplication app = new SpringApplication(LegionApplication.class);
        try (ConfigurableApplicationContext ctx = app.run(springArgs.toArray(String[]::new))) {
            Enlistments enlistments = ctx.getBean(Enlistments.class);
            Embassies embassies = ctx.getBean(Embassies.class);
            TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            JdbcTemplate template = ctx.getBean(JdbcTemplate.class);
            FieldCipher cipher = ctx.getBean(FieldCipher.class);
            Instant start = Instant.now();
            AtomicInteger done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> jobs = new ArrayList<>();
            int perThread = (n - 1 + THREADS - 1) / THREADS;
            for (int t = 0; t < THREADS; t++) {
                int from = t * perThread;
                int to = Math.min(n - 1, from + perThread);
                Random random = new Random(7919L * (t + 1));
                jobs.add(pool.submit(() -> {
                    for (int i = from; i < to; i += PER_TRANSACTION) {
                        int end = Math.min(to, i + PER_TRANSACTION);
                        int count = end - i;
                        tx.executeWithoutResult(s -> bulk(template, cipher, embassies, random, count));
                        int total = done.addAndGet(count);
                        if (total % 10_000 < count) {
                            System.out.printf(Locale.ROOT, "seeded %d cases (%.0f/s)%n", total,
                                    total / Math.max(0.001, Duration.between(start, Instant.now()).toMillis() / 1000.0));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            pool.shutdown();
            tx.executeWithoutResult(s -> one(enlistments, embassies, new Random(1), target(), Stage.AUTHORIZED));
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "SEEDED cases=%d seconds=%.1f rate=%.0f/s%n", done.get() + 1, seconds,
                    (done.get() + 1) / seconds);
            // the events' listeners (screening's queue, the authorization letters, the reporting read model) run after
            // each commit: wait for the registry to be empty of incomplete publications before stopping
            Instant deadline = Instant.now().plusSeconds(1800);
            long open;
            while ((open = jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class).single()) > 0 && Instant.now().isBefore(deadline)) {
                System.out.printf(Locale.ROOT, "waiting for %d event publications%n", open);
                Thread.sleep(5000);
            }
            System.out.printf(Locale.ROOT, "queued for screening: %d%n",
                    jdbc.sql("select count(*) from screening_work").query(Long.class).single());
        }
    }

    /** The volunteer the benchmark's new list version adds (authorized: the new hit is flagged). */
    static Applicant target() {
        return applicant("Zebulon", "Quartermaine", LocalDate.of(1982, 3, 11), "GB", "ZQ8200311");
    }

    static Applicant randomApplicant(Random random) {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        if (random.nextInt(5) == 0) {
            given = given + " " + GIVEN[random.nextInt(GIVEN.length)];
        }
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        return applicant(given, SURNAMES[random.nextInt(SURNAMES.length)],
                LocalDate.of(1966 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)), country,
                passport(random));
    }

    private static Applicant applicant(String given, String surname, LocalDate born, String country, String passport) {
        return new Applicant(given, surname, born, "M", country, country,
                new Applicant.Passport(passport, country, LocalDate.now().plusYears(5)),
                passport.toLowerCase(Locale.ROOT) + "@example.org", "+441234567890", List.of("en"),
                ServiceRole.INFANTRY, new Applicant.MilitaryExperience(4, "Army", 1), false, true);
    }

    private static String passport(Random random) {
        String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private static Stage pickStage(Random random) {
        int r = random.nextInt(100);
        for (Object[] m : MIX) {
            r -= (Integer) m[1];
            if (r < 0) {
                return (Stage) m[0];
            }
        }
        return Stage.SUBMITTED;
    }

    /**
     * Writes {@code n} cases as the repository stores them (the same columns, field encryption and blind indexes
     * through the application's {@link FieldCipher}), in their stage with a submission entry and one entry for the
     * stage reached, and queues each for screening as the {@code EnlistmentSubmitted} listener does. The shortcut
     * skips the events of the stages passed (letters, notices, reports), which re-screening does not read; 100,000
     * cases through the full path take hours on this shared machine.
     */
    private static void bulk(JdbcTemplate template, FieldCipher cipher, Embassies embassies, Random random, int n) {
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<Object[]> work = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            Applicant a = randomApplicant(random);
            Stage stage = pickStage(random);
            UUID id = UUID.randomUUID();
            String embassy = embassies.route(a.nationality()).code();
            cases.add(new Object[] {id, Reference.random().value(), stage.name(), embassy, now, now,
                    cipher.encrypt("given_names", a.givenNames()), cipher.encrypt("surname", a.surname()),
                    cipher.encrypt("date_of_birth", a.dateOfBirth().toString()), a.sex(), a.nationality(),
                    a.countryOfResidence(), cipher.encrypt("passport_number", a.passport().number()),
                    a.passport().issuingCountry(), a.passport().expiryDate(), cipher.encrypt("email", a.email()),
                    cipher.encrypt("phone", a.phone()), String.join(",", a.languages()), a.role().name(),
                    a.militaryExperience().years(), cipher.encrypt("military_branch", a.militaryExperience().branch()),
                    a.militaryExperience().combatDeployments(), a.criminalRecord(), a.homeCountryLawAcknowledged(),
                    now, cipher.blindIndex("passport_number", a.passport().number()),
                    cipher.blindIndex("email", a.email().strip().toLowerCase(Locale.ROOT)), cipher.currentKeyId()});
            history.add(new Object[] {id, 1, "volunteer", Role.VOLUNTEER.name(), now, null, Stage.SUBMITTED.name(),
                    null, cipher.currentKeyId()});
            if (stage != Stage.SUBMITTED) {
                history.add(new Object[] {id, 2, "seed", Role.SYSTEM.name(), now, Stage.SUBMITTED.name(),
                        stage.name(), null, cipher.currentKeyId()});
            }
            work.add(new Object[] {id, now});
        }
        template.batchUpdate("insert into enlistment (id, reference, stage, embassy_code, version, submitted_at, "
                + "updated_at, given_names, surname, date_of_birth, sex, nationality, country_of_residence, "
                + "passport_number, passport_country, passport_expiry, email, phone, languages, service_role, "
                + "military_years, military_branch, combat_deployments, criminal_record, law_acknowledged, stage_since, "
                + "passport_bidx, email_bidx, crypto_key) values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cases);
        template.batchUpdate("insert into enlistment_history (enlistment_id, seq, actor, actor_role, at, from_stage, "
                + "to_stage, transition, crypto_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", history);
        template.batchUpdate("insert into screening_work (enlistment_id, enqueued_at) values (?, ?)", work);
    }

    /** Submits one case and walks it to {@code target} through the aggregate's transitions. */
    private static void one(Enlistments enlistments, Embassies embassies, Random random, Applicant a, Stage target) {
        String embassy = embassies.route(a.nationality()).code();
        Enlistment e = Enlistment.submit(Reference.random(), a, embassy);
        enlistments.add(e);
        if (target == Stage.SUBMITTED) {
            return;
        }
        e = enlistments.findById(e.id()).orElseThrow();
        Actor officer = Actor.officer("embassy-" + embassy.toLowerCase(Locale.ROOT), Role.EMBASSY_OFFICER, embassy);
        Actor vetting = Actor.officer("vetting2", Role.VETTING_OFFICER, null);
        Actor reception = Actor.officer("reception1", Role.RECEPTION_OFFICER, null);
        e.startReview(officer);
        if (target == Stage.INFO_REQUESTED) {
            e.requestInformation(officer, "Please send proof of military service.");
        } else if (target != Stage.IN_REVIEW) {
            e.inviteToInterview(officer, "Video interview");
            if (target != Stage.INTERVIEW) {
                e.recommend(officer, "Suitable");
                if (target != Stage.VETTING) {
                    e.approve(vetting, null);
                    if (target != Stage.APPROVED) {
                        e.authorize(vetting);
                        if (target != Stage.AUTHORIZED) {
                            e.confirmArrival(reception, null);
                            if (target == Stage.ENLISTED) {
                                e.enlist(reception, ServiceRole.INFANTRY, "Company " + (1 + random.nextInt(9)));
                            }
                        }
                    }
                }
            }
        }
        enlistments.update(e);
    }
}
