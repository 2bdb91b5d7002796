package legion.parole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import legion.parole.ParoleRefusedException.Refusal;
import legion.parole.Records.Consent;
import legion.parole.Records.HighestLevelRelease;
import legion.parole.Records.ReleaseKind;
import legion.parole.Records.Ruling;
import legion.parole.Records.Service;
import legion.parole.policy.Outcome;
import legion.parole.policy.PolicyV1;
import legion.shared.Actor;
import legion.shared.Role;
import legion.shared.Unit;

class ParoleCaseTest {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);
    static final String FACILITY = "UA-PRISON-77";
    static final String UNIT = "A4321";

    /** The successor table, written out: edge → (from, to, roles). Pinned here, independently of the code. */
    static final Map<Transition, Object[]> TABLE = Map.ofEntries(
            Map.entry(Transition.SCREEN, row("APPLIED", "SCREENED", "PRISON_OFFICER SYSTEM")),
            Map.entry(Transition.FIND_NOT_ELIGIBLE, row("APPLIED", "NOT_ELIGIBLE", "PRISON_OFFICER SYSTEM")),
            Map.entry(Transition.FIND_FIT, row("SCREENED", "EXAMINED", "MEDICAL_BOARD")),
            Map.entry(Transition.FIND_UNFIT, row("SCREENED", "UNFIT", "MEDICAL_BOARD")),
            Map.entry(Transition.ACCEPT, row("EXAMINED", "ACCEPTED", "UNIT_COMMANDER")),
            Map.entry(Transition.DECLINE, row("EXAMINED", "DECLINED", "UNIT_COMMANDER")),
            Map.entry(Transition.PETITION, row("ACCEPTED", "PETITIONED", "PRISON_OFFICER")),
            Map.entry(Transition.RELEASE, row("PETITIONED", "RELEASED", "COURT_CLERK")),
            Map.entry(Transition.REFUSE, row("PETITIONED", "REFUSED", "COURT_CLERK")),
            Map.entry(Transition.RELEASE_AT_HIGHEST_LEVEL,
                    row("APPLIED SCREENED EXAMINED ACCEPTED PETITIONED", "RELEASED", "PRISON_OFFICER")),
            Map.entry(Transition.HAND_OVER, row("RELEASED", "HANDED_OVER", "ESCORT")),
            Map.entry(Transition.SIGN_CONTRACT, row("HANDED_OVER", "IN_SERVICE", "TCC_OFFICER")),
            Map.entry(Transition.REPORT_ABSENCE, row("IN_SERVICE", "ABSENT", "SUPERVISING_OFFICER")),
            Map.entry(Transition.RETURN_TO_UNIT, row("ABSENT", "IN_SERVICE", "SUPERVISING_OFFICER")),
            Map.entry(Transition.RETURN_TO_CUSTODY, row("IN_SERVICE ABSENT", "RETURNED_TO_CUSTODY", "PROSECUTOR")),
            Map.entry(Transition.DISCHARGE, row("IN_SERVICE", "DISCHARGED", "SUPERVISING_OFFICER")),
            Map.entry(Transition.WITHDRAW,
                    row("APPLIED SCREENED EXAMINED ACCEPTED PETITIONED", "WITHDRAWN", "PRISON_OFFICER")));

    static Object[] row(String from, String to, String roles) {
        return new Object[] {from, to, roles};
    }

    static Set<Stage> from(Transition t) {
        Set<Stage> set = EnumSet.noneOf(Stage.class);
        for (String s : ((String) TABLE.get(t)[0]).split(" ")) {
            set.add(Stage.valueOf(s));
        }
        return set;
    }

    static Set<Role> roles(Transition t) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (String s : ((String) TABLE.get(t)[2]).split(" ")) {
            set.add(Role.valueOf(s));
        }
        return set;
    }

    @Test
    void theSuccessorTableIsExactlyTheOneWrittenOut() {
        assertThat(EnumSet.allOf(Transition.class)).isEqualTo(TABLE.keySet());
        for (Transition t : Transition.values()) {
            assertThat(t.from()).as("from of %s", t).isEqualTo(from(t));
            assertThat(t.to()).as("to of %s", t).isEqualTo(Stage.valueOf((String) TABLE.get(t)[1]));
            assertThat(t.roles()).as("roles of %s", t).isEqualTo(roles(t));
        }
        assertThat(Stage.open()).containsExactlyInAnyOrder(Stage.APPLIED, Stage.SCREENED, Stage.EXAMINED,
                Stage.ACCEPTED, Stage.PETITIONED);
    }

    static Actor actor(Role role) {
        return switch (role) {
            case PRISON_OFFICER -> Actor.inUnit("prison-1", role, Unit.of(Unit.PRISON, FACILITY));
            case SUPERVISING_OFFICER -> Actor.inUnit("supervisor-1", role, Unit.of(Unit.MILITARY_UNIT, UNIT));
            case ISSUING_OFFICER -> Actor.inUnit("issuing-1", role, Unit.of(Unit.ARMS_POINT, "KYIV-01"));
            case SYSTEM -> Actor.system();
            case VOLUNTEER -> Actor.volunteer();
            case EMBASSY_OFFICER -> Actor.officer("embassy-1", role, "US");
            default -> Actor.officer(role.name().toLowerCase() + "-1", role, null);
        };
    }

    static Convict convict(String offences, LocalDate end) {
        return new Convict("Ivan Petrenko", LocalDate.of(1990, 5, 4), "77-1234", offences, end, false, false);
    }

    static CaseVerdict verdict(String offences, LocalDate end) {
        return CaseVerdict.of(1, PolicyV1.policy().judge(convict(offences, end).subject(), TODAY));
    }

    static final CaseVerdict ELIGIBLE = verdict("185:1", LocalDate.of(2026, 1, 1));
    static final CaseVerdict EXCLUDED = verdict("115:2.1", LocalDate.of(2026, 1, 1));

    static ParoleCase filed(String offences, LocalDate end) {
        return ParoleCase.file(new Act(actor(Role.PRISON_OFFICER), T0, null), ParoleReference.random(),
                convict(offences, end), new Consent(T0, "Officer Kovalenko"), verdict(offences, end));
    }

    /** A case in the given stage, as the repository would restore it (eligible, with the facts of its stage). */
    static ParoleCase inStage(Stage stage) {
        ParoleCase c = filed("185:1", LocalDate.of(2026, 1, 1));
        ParoleCase.State s = c.state();
        s.stage = stage;
        s.service = new Service(UNIT, "rifleman");
        s.handOverDue = T0.plus(Duration.ofHours(24));
        c.drainEvents();
        c.drainNewHistory();
        return c;
    }

    /** Takes the edge through its own method, with the facts it records. */
    static void take(ParoleCase c, Transition t, Actor actor) {
        Act act = new Act(actor, T0.plusSeconds(60), "because");
        switch (t) {
            case SCREEN -> c.screen(act, ELIGIBLE);
            case FIND_NOT_ELIGIBLE -> c.findNotEligible(act, EXCLUDED);
            case FIND_FIT -> c.findFit(act);
            case FIND_UNFIT -> c.findUnfit(act);
            case ACCEPT -> c.accept(act, UNIT);
            case DECLINE -> c.decline(act);
            case PETITION -> c.petition(act);
            case RELEASE -> c.release(act, new Ruling("Kyiv district court", "757/123/25", T0));
            case REFUSE -> c.refuse(act, new Ruling(null, "757/124/25", T0));
            case RELEASE_AT_HIGHEST_LEVEL -> c.releaseAtHighestLevel(act,
                    new HighestLevelRelease("Office of the President", "No. 1/2022", LocalDate.of(2022, 2, 28)));
            case HAND_OVER -> c.handOver(act);
            case SIGN_CONTRACT -> c.signContract(act, new Service(UNIT, "rifleman"));
            case REPORT_ABSENCE -> c.reportAbsence(act);
            case RETURN_TO_UNIT -> c.returnToUnit(act);
            case RETURN_TO_CUSTODY -> c.returnToCustody(act);
            case DISCHARGE -> c.discharge(act);
            case WITHDRAW -> c.withdraw(act, "Officer Kovalenko");
        }
    }

    static Stream<Arguments> everyEdgeFromEveryStage() {
        List<Arguments> all = new ArrayList<>();
        for (Transition t : Transition.values()) {
            for (Stage stage : Stage.values()) {
                all.add(Arguments.of(t, stage));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyEdgeFromEveryStage")
    void everyEdgeIsAllowedExactlyWhereTheTableSaysForEveryRole(Transition t, Stage stage) {
        for (Role role : Role.values()) {
            edgeByRole(t, stage, role);
        }
    }

    private void edgeByRole(Transition t, Stage stage, Role role) {
        ParoleCase c = inStage(stage);
        boolean allowed = from(t).contains(stage) && roles(t).contains(role);
        if (allowed) {
            take(c, t, actor(role));
            Stage to = Stage.valueOf((String) TABLE.get(t)[1]);
            assertThat(c.stage()).isEqualTo(to);
            assertThat(c.history()).last().satisfies(h -> {
                assertThat(h.transition()).isEqualTo(t);
                assertThat(h.from()).isEqualTo(stage);
                assertThat(h.to()).isEqualTo(to);
                assertThat(h.actorRole()).isEqualTo(role.name());
            });
            List<ParoleEvent> events = c.drainEvents();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).moved().transition()).isEqualTo(t);
        } else {
            assertThatThrownBy(() -> take(c, t, actor(role))).as("%s by %s", t, role)
                    .isInstanceOf(ParoleRefusedException.class);
            assertThat(c.stage()).isEqualTo(stage);
            assertThat(c.drainEvents()).isEmpty();
            assertThat(c.drainNewHistory()).isEmpty();
        }
    }

    @Test
    void eachEdgeRegistersItsOwnPastTenseEvent() {
        Map<Transition, Class<?>> expected = Map.ofEntries(
                Map.entry(Transition.SCREEN, ParoleEvent.ConvictScreened.class),
                Map.entry(Transition.FIND_NOT_ELIGIBLE, ParoleEvent.ConvictFoundNotEligible.class),
                Map.entry(Transition.FIND_FIT, ParoleEvent.ConvictFoundFit.class),
                Map.entry(Transition.FIND_UNFIT, ParoleEvent.ConvictFoundUnfit.class),
                Map.entry(Transition.ACCEPT, ParoleEvent.ConvictAccepted.class),
                Map.entry(Transition.DECLINE, ParoleEvent.ConvictDeclined.class),
                Map.entry(Transition.PETITION, ParoleEvent.CasePetitioned.class),
                Map.entry(Transition.RELEASE, ParoleEvent.ConvictReleasedByCourt.class),
                Map.entry(Transition.REFUSE, ParoleEvent.ReleaseRefused.class),
                Map.entry(Transition.RELEASE_AT_HIGHEST_LEVEL, ParoleEvent.ConvictReleasedAtHighestLevel.class),
                Map.entry(Transition.HAND_OVER, ParoleEvent.ConvictHandedOver.class),
                Map.entry(Transition.SIGN_CONTRACT, ParoleEvent.ContractSigned.class),
                Map.entry(Transition.REPORT_ABSENCE, ParoleEvent.AbsenceReported.class),
                Map.entry(Transition.RETURN_TO_UNIT, ParoleEvent.ReturnedToUnit.class),
                Map.entry(Transition.RETURN_TO_CUSTODY, ParoleEvent.ReturnedToCustody.class),
                Map.entry(Transition.DISCHARGE, ParoleEvent.ServicemanDischarged.class),
                Map.entry(Transition.WITHDRAW, ParoleEvent.ConsentWithdrawn.class));
        for (Transition t : Transition.values()) {
            Stage stage = from(t).iterator().next();
            ParoleCase c = inStage(stage);
            take(c, t, actor(roles(t).iterator().next()));
            assertThat(c.drainEvents()).singleElement().isInstanceOf(expected.get(t));
        }
    }

    @Test
    void filingRecordsConsentAndThePolicyVerdictOfTheDay() {
        ParoleCase c = filed("ст. 185 ч. 1", LocalDate.of(2029, 2, 28));
        assertThat(c.stage()).isEqualTo(Stage.APPLIED);
        assertThat(c.facility()).isEqualTo(FACILITY);
        assertThat(c.reference().value()).matches("PRL-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(c.consent()).isEqualTo(new Consent(T0, "Officer Kovalenko"));
        assertThat(c.verdict().policyVersion()).isEqualTo(1);
        assertThat(c.verdict().outcome()).isEqualTo(Outcome.ELIGIBLE_FROM);
        assertThat(c.verdict().eligibleFrom()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(c.drainEvents()).singleElement().isInstanceOf(ParoleEvent.CaseFiled.class);
        assertThat(c.history()).singleElement().satisfies(h -> assertThat(h.to()).isEqualTo(Stage.APPLIED));

        assertThatThrownBy(() -> ParoleCase.file(new Act(actor(Role.COURT_CLERK), T0, null), ParoleReference.random(),
                convict("185:1", TODAY.plusYears(1)), new Consent(T0, "w"), ELIGIBLE))
                .isInstanceOf(ParoleRefusedException.class);
        assertThatThrownBy(() -> new Consent(T0, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void screeningFollowsThePolicyVerdictOfTheDay() {
        CaseVerdict deferred = verdict("185:1", LocalDate.of(2030, 1, 1));
        ParoleCase later = filed("185:1", LocalDate.of(2030, 1, 1));
        assertThatThrownBy(() -> later.screen(new Act(actor(Role.PRISON_OFFICER), T0, null), deferred))
                .isInstanceOfSatisfying(ParoleRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.POLICY_VERDICT));
        assertThatThrownBy(() -> later.findNotEligible(new Act(actor(Role.PRISON_OFFICER), T0, null), deferred))
                .isInstanceOf(ParoleRefusedException.class);
        assertThat(later.stage()).isEqualTo(Stage.APPLIED);
        assertThat(later.verdict()).isEqualTo(deferred);
        // three years later the same convict is eligible, judged again on that day
        CaseVerdict thatDay = CaseVerdict.of(1, PolicyV1.policy().judge(later.convict().subject(),
                LocalDate.of(2027, 1, 1)));
        later.screen(new Act(actor(Role.PRISON_OFFICER), T0, null), thatDay);
        assertThat(later.stage()).isEqualTo(Stage.SCREENED);
        assertThat(later.verdict().outcome()).isEqualTo(Outcome.ELIGIBLE);

        ParoleCase excluded = filed("ст. 258-1", LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> excluded.screen(new Act(actor(Role.SYSTEM), T0, null), EXCLUDED))
                .isInstanceOf(ParoleRefusedException.class);
        excluded.findNotEligible(new Act(actor(Role.SYSTEM), T0, null), EXCLUDED);
        assertThat(excluded.stage()).isEqualTo(Stage.NOT_ELIGIBLE);
    }

    @Test
    void aPrisonOfficerOfAnotherFacilityIsOutOfScope() {
        ParoleCase c = filed("185:1", LocalDate.of(2026, 1, 1));
        Actor other = Actor.inUnit("prison-2", Role.PRISON_OFFICER, Unit.of(Unit.PRISON, "UA-PRISON-12"));
        assertThat(c.isVisibleTo(other)).isFalse();
        assertThatThrownBy(() -> c.screen(new Act(other, T0, null), ELIGIBLE))
                .isInstanceOfSatisfying(ParoleRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.OUT_OF_SCOPE));
    }

    @Test
    void edgesRefuseWithoutTheirReasonsOrFacts() {
        ParoleCase examined = inStage(Stage.EXAMINED);
        assertThatThrownBy(() -> examined.decline(new Act(actor(Role.UNIT_COMMANDER), T0, " ")))
                .isInstanceOfSatisfying(ParoleRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.DETAILS_REQUIRED));
        assertThatThrownBy(() -> examined.accept(new Act(actor(Role.UNIT_COMMANDER), T0, "good record"), " "))
                .isInstanceOf(ParoleRefusedException.class);
        ParoleCase petitioned = inStage(Stage.PETITIONED);
        assertThatThrownBy(() -> petitioned.release(new Act(actor(Role.COURT_CLERK), T0, null), null))
                .isInstanceOf(ParoleRefusedException.class);
        assertThatThrownBy(() -> new Ruling("court", " ", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HighestLevelRelease("", "ref", TODAY))
                .isInstanceOf(IllegalArgumentException.class);
        ParoleCase applied = inStage(Stage.APPLIED);
        assertThatThrownBy(() -> applied.withdraw(new Act(actor(Role.PRISON_OFFICER), T0, "changed mind"), null))
                .isInstanceOf(ParoleRefusedException.class);
        assertThat(applied.stage()).isEqualTo(Stage.APPLIED);
    }

    @Test
    void theRulingStartsTheTwentyFourHourClockAndALateHandOverIsFlagged() {
        ParoleCase c = inStage(Stage.PETITIONED);
        c.state().handOverDue = null;
        Instant effect = Instant.parse("2025-03-02T09:00:00Z");
        c.release(new Act(actor(Role.COURT_CLERK), T0, null), new Ruling("court", "757/1/25", effect));
        assertThat(c.handOverDue()).isEqualTo(Instant.parse("2025-03-03T09:00:00Z"));
        assertThat(c.releaseKind()).isEqualTo(ReleaseKind.COURT);
        assertThat(c.isHandOverOverdue(Instant.parse("2025-03-03T09:00:00Z"))).isFalse();
        assertThat(c.isHandOverOverdue(Instant.parse("2025-03-03T09:00:01Z"))).isTrue();
        c.handOver(new Act(actor(Role.ESCORT), Instant.parse("2025-03-03T10:00:00Z"), null));
        assertThat(c.handedOverLate()).isTrue();
        assertThat(c.isHandOverOverdue(Instant.parse("2025-03-04T00:00:00Z"))).isFalse();
        assertThat(c.drainEvents()).last().isInstanceOfSatisfying(ParoleEvent.ConvictHandedOver.class,
                e -> assertThat(e.late()).isTrue());
    }

    @Test
    void aReleaseAtTheHighestLevelIsRecordedApart() {
        ParoleCase c = inStage(Stage.APPLIED);
        c.state().handOverDue = null;
        c.releaseAtHighestLevel(new Act(actor(Role.PRISON_OFFICER), T0, "decree"),
                new HighestLevelRelease("Office of the President", "No. 1/2022", LocalDate.of(2022, 2, 28)));
        assertThat(c.stage()).isEqualTo(Stage.RELEASED);
        assertThat(c.releaseKind()).isEqualTo(ReleaseKind.HIGHEST_LEVEL);
        assertThat(c.highestLevel().authority()).isEqualTo("Office of the President");
        assertThat(c.handOverDue()).isEqualTo(T0.plus(Duration.ofHours(24)));
    }

    @Test
    void theUnitAndPositionAreForTheUnitsSupervisorAndHqOnly() {
        ParoleCase c = inStage(Stage.IN_SERVICE);
        assertThat(c.maySeeService(actor(Role.SUPERVISING_OFFICER))).isTrue();
        assertThat(c.maySeeService(actor(Role.ADMINISTRATOR))).isTrue();
        assertThat(c.maySeeService(Actor.inUnit("supervisor-9", Role.SUPERVISING_OFFICER,
                Unit.of(Unit.MILITARY_UNIT, "B999")))).isFalse();
        for (Role r : List.of(Role.PRISON_OFFICER, Role.COURT_CLERK, Role.ESCORT, Role.PROSECUTOR, Role.TCC_OFFICER,
                Role.MEDICAL_BOARD, Role.UNIT_COMMANDER)) {
            assertThat(c.maySeeService(actor(r))).as(r.name()).isFalse();
        }
    }
}
