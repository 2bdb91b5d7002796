package legion.enlistment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import legion.enlistment.TransitionRefusedException.Refusal;
import legion.shared.Actor;
import legion.shared.Role;
import legion.shared.ServiceRole;

/**
 * Every edge of the stage machine, from every stage, by every role: allowed exactly where the successor table
 * says, refused (with the right reason, and nothing changed) everywhere else.
 */
class StageMachineTest {

    static final String EMBASSY = "GB";

    static Actor actor(Role role) {
        return switch (role) {
            case VOLUNTEER -> Actor.volunteer();
            case SYSTEM -> Actor.system();
            case EMBASSY_OFFICER -> Actor.officer("embassy-gb", role, EMBASSY);
            // the other programs' roles, each in a unit of its kind where the role needs one: no Legion edge is theirs
            default -> Actor.inUnit(role.name().toLowerCase(), role,
                    role.unitKind() == null ? null : legion.shared.Unit.of(role.unitKind(), "OTHER-1"));
        };
    }

    /** A case brought to the given stage through legal transitions. */
    static Enlistment caseIn(Stage stage) {
        Enlistment e = Enlistment.submit(Reference.random(), applicant(), EMBASSY);
        Actor embassy = actor(Role.EMBASSY_OFFICER);
        Actor vetting = Actor.officer("vetting-other", Role.VETTING_OFFICER, null);
        Actor reception = actor(Role.RECEPTION_OFFICER);
        switch (stage) {
            case SUBMITTED -> { }
            case WITHDRAWN -> e.withdraw(Actor.volunteer(), null);
            default -> {
                e.startReview(embassy);
                if (stage == Stage.INFO_REQUESTED) {
                    e.requestInformation(embassy, "proof of service");
                } else if (stage == Stage.REJECTED) {
                    e.reject(embassy, RejectionReason.OTHER, "no");
                } else if (stage != Stage.IN_REVIEW) {
                    e.inviteToInterview(embassy, null);
                    if (stage != Stage.INTERVIEW) {
                        e.recommend(embassy, "good");
                        if (stage != Stage.VETTING) {
                            e.approve(vetting, null);
                            if (stage != Stage.APPROVED) {
                                e.authorize(vetting);
                                if (stage == Stage.REVOKED) {
                                    e.revoke(vetting, "grounds");
                                } else if (stage != Stage.AUTHORIZED) {
                                    e.confirmArrival(reception, null);
                                    if (stage == Stage.ENLISTED) {
                                        e.enlist(reception, ServiceRole.INFANTRY, "1st company");
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(e.stage()).isEqualTo(stage);
        return e;
    }

    static Applicant applicant() {
        return new Applicant("Arthur", "Dent", LocalDate.of(1980, 1, 1), "M", "GB", "GB",
                new Applicant.Passport("123456789", "GB", LocalDate.now().plusYears(3)), "a@example.org", null,
                List.of("en"), ServiceRole.INFANTRY, null, false, true);
    }

    static void take(Enlistment e, Transition t, Actor a) {
        switch (t) {
            case START_REVIEW -> e.startReview(a);
            case REQUEST_INFORMATION -> e.requestInformation(a, "documents please");
            case RECEIVE_INFORMATION -> e.receiveInformation(a, "sent");
            case INVITE_TO_INTERVIEW -> e.inviteToInterview(a, "video");
            case RECOMMEND -> e.recommend(a, "recommended");
            case APPROVE -> e.approve(a, null);
            case AUTHORIZE -> e.authorize(a);
            case CONFIRM_ARRIVAL -> e.confirmArrival(a, null);
            case ENLIST -> e.enlist(a, ServiceRole.COOK, "kitchen");
            case REJECT -> e.reject(a, RejectionReason.SECURITY, "reason");
            case WITHDRAW -> e.withdraw(a, null);
            case REVOKE -> e.revoke(a, "grounds");
        }
    }

    static Stream<Arguments> everyStageTransitionAndRole() {
        List<Arguments> all = new ArrayList<>();
        for (Stage s : Stage.values()) {
            for (Transition t : Transition.values()) {
                for (Role r : Role.values()) {
                    all.add(Arguments.of(s, t, r));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} from {0} by {2}")
    @MethodSource("everyStageTransitionAndRole")
    void allowsExactlyTheEdgesOfTheSuccessorTable(Stage from, Transition t, Role role) {
        Enlistment e = caseIn(from);
        int historyBefore = e.history().size();
        boolean expected = t.leavesFrom(from) && t.permits(role, from)
                && (role.isOfficer() ? e.isVisibleTo(actor(role)) : true);
        if (expected) {
            take(e, t, actor(role));
            assertThat(e.stage()).isEqualTo(t.to());
            assertThat(e.history()).hasSize(historyBefore + 1);
            HistoryEntry last = e.history().get(e.history().size() - 1);
            assertThat(last.from()).isEqualTo(from);
            assertThat(last.to()).isEqualTo(t.to());
            assertThat(last.actor()).isEqualTo(actor(role).id());
            assertThat(last.transition()).isEqualTo(t);
        } else {
            assertThatThrownBy(() -> take(e, t, actor(role))).isInstanceOf(TransitionRefusedException.class);
            assertThat(e.stage()).isEqualTo(from);
            assertThat(e.history()).hasSize(historyBefore);
        }
    }

    @Test
    void theTableHasTheStagesOfTheProduct() {
        assertThat(Transition.START_REVIEW.from()).containsExactly(Stage.SUBMITTED);
        assertThat(Transition.REJECT.from()).containsExactlyInAnyOrder(Stage.SUBMITTED, Stage.IN_REVIEW,
                Stage.INFO_REQUESTED, Stage.INTERVIEW, Stage.VETTING, Stage.APPROVED);
        assertThat(Transition.REVOKE.from()).containsExactly(Stage.AUTHORIZED);
        for (Stage s : Stage.values()) {
            if (s.isFinal()) {
                for (Role r : Role.values()) {
                    assertThat(Transition.available(s, r)).as("no way out of %s", s).isEmpty();
                }
            }
        }
    }

    @Test
    void rejectsApprovalBySameOfficerWhoRecommended() {
        Enlistment e = caseIn(Stage.INTERVIEW);
        // an officer who is both (say, moved from embassy to HQ) keeps the same login name
        e.recommend(Actor.officer("jane", Role.EMBASSY_OFFICER, EMBASSY), "good");
        assertThatThrownBy(() -> e.approve(Actor.officer("jane", Role.VETTING_OFFICER, null), null))
                .isInstanceOf(TransitionRefusedException.class)
                .extracting(x -> ((TransitionRefusedException) x).refusal()).isEqualTo(Refusal.FOUR_EYES);
        assertThat(e.stage()).isEqualTo(Stage.VETTING);
        e.approve(Actor.officer("john", Role.VETTING_OFFICER, null), null);
        assertThat(e.stage()).isEqualTo(Stage.APPROVED);
    }

    @Test
    void refusesAnotherEmbassysOfficer() {
        Enlistment e = caseIn(Stage.SUBMITTED);
        assertThatThrownBy(() -> e.startReview(Actor.officer("embassy-us", Role.EMBASSY_OFFICER, "US")))
                .extracting(x -> ((TransitionRefusedException) x).refusal()).isEqualTo(Refusal.OUT_OF_SCOPE);
        assertThat(e.stage()).isEqualTo(Stage.SUBMITTED);
    }

    @Test
    void requiresAReasonWhereTheTableSaysSo() {
        Enlistment e = caseIn(Stage.IN_REVIEW);
        Actor officer = actor(Role.EMBASSY_OFFICER);
        assertThatThrownBy(() -> e.requestInformation(officer, "  "))
                .extracting(x -> ((TransitionRefusedException) x).refusal()).isEqualTo(Refusal.REASON_REQUIRED);
        assertThatThrownBy(() -> e.reject(officer, null, "no code"))
                .extracting(x -> ((TransitionRefusedException) x).refusal()).isEqualTo(Refusal.REASON_REQUIRED);
        assertThatThrownBy(() -> e.reject(officer, RejectionReason.OTHER, ""))
                .extracting(x -> ((TransitionRefusedException) x).refusal()).isEqualTo(Refusal.REASON_REQUIRED);
        assertThat(e.stage()).isEqualTo(Stage.IN_REVIEW);
    }

    @Test
    void onlyTheStageOwnerRejects() {
        Enlistment inVetting = caseIn(Stage.VETTING);
        assertThatThrownBy(() -> inVetting.reject(actor(Role.EMBASSY_OFFICER), RejectionReason.OTHER, "late"))
                .extracting(x -> ((TransitionRefusedException) x).refusal()).isEqualTo(Refusal.ROLE_NOT_PERMITTED);
        inVetting.reject(actor(Role.VETTING_OFFICER), RejectionReason.SECURITY, "watchlist");
        assertThat(inVetting.stage()).isEqualTo(Stage.REJECTED);
        assertThat(inVetting.rejectionReason()).isEqualTo(RejectionReason.SECURITY);
    }

    @Test
    void enlistmentNeedsRoleAndUnit() {
        Enlistment e = caseIn(Stage.ARRIVED);
        assertThatThrownBy(() -> e.enlist(actor(Role.RECEPTION_OFFICER), ServiceRole.COOK, " "))
                .isInstanceOf(TransitionRefusedException.class);
        e.enlist(actor(Role.RECEPTION_OFFICER), ServiceRole.COOK, " Kitchen 2 ");
        assertThat(e.unit()).isEqualTo("Kitchen 2");
        assertThat(e.assignedRole()).isEqualTo(ServiceRole.COOK);
    }

    @Test
    void everyChangeRegistersOneEvent() {
        Enlistment e = Enlistment.submit(Reference.random(), applicant(), EMBASSY);
        assertThat(e.drainEvents()).singleElement().isInstanceOf(EnlistmentSubmitted.class);
        e.startReview(actor(Role.EMBASSY_OFFICER));
        assertThat(e.drainEvents()).singleElement().isInstanceOfSatisfying(EnlistmentReviewStarted.class, ev -> {
            assertThat(ev.from()).isEqualTo(Stage.SUBMITTED);
            assertThat(ev.to()).isEqualTo(Stage.IN_REVIEW);
            assertThat(ev.actor()).isEqualTo("embassy-gb");
            assertThat(ev.reference()).isEqualTo(e.reference());
        });
        assertThat(e.drainEvents()).isEmpty();
    }

    /** Each edge registers its own past-tense event (pinned: renaming or re-pointing one fails here). */
    @ParameterizedTest(name = "{0} registers {1}")
    @MethodSource("edgeEvents")
    void eachEdgeRegistersItsOwnEvent(Transition edge, Class<?> event, Stage from) {
        Enlistment e = caseIn(from);
        e.drainEvents();
        Actor vetting = Actor.officer("vetting-third", Role.VETTING_OFFICER, null);
        Actor embassy = actor(Role.EMBASSY_OFFICER);
        Actor reception = actor(Role.RECEPTION_OFFICER);
        switch (edge) {
            case START_REVIEW -> e.startReview(embassy);
            case REQUEST_INFORMATION -> e.requestInformation(embassy, "more");
            case RECEIVE_INFORMATION -> e.receiveInformation(Actor.volunteer(), "here");
            case INVITE_TO_INTERVIEW -> e.inviteToInterview(embassy, null);
            case RECOMMEND -> e.recommend(embassy, "good");
            case APPROVE -> e.approve(vetting, null);
            case AUTHORIZE -> e.authorize(vetting);
            case CONFIRM_ARRIVAL -> e.confirmArrival(reception, null);
            case ENLIST -> e.enlist(reception, ServiceRole.MEDIC, " 2nd company ");
            case REJECT -> e.reject(vetting, RejectionReason.SECURITY, "grounds");
            case WITHDRAW -> e.withdraw(Actor.volunteer(), null);
            case REVOKE -> e.revoke(vetting, "grounds");
        }
        assertThat(e.drainEvents()).singleElement().isInstanceOfSatisfying(StageChanged.class, ev -> {
            assertThat(ev).isExactlyInstanceOf(event);
            assertThat(ev.transition()).isEqualTo(edge);
            assertThat(ev.from()).isEqualTo(from);
            assertThat(ev.to()).isEqualTo(e.stage());
        });
    }

    static Stream<Arguments> edgeEvents() {
        return Stream.of(
                Arguments.of(Transition.START_REVIEW, EnlistmentReviewStarted.class, Stage.SUBMITTED),
                Arguments.of(Transition.REQUEST_INFORMATION, InformationRequested.class, Stage.IN_REVIEW),
                Arguments.of(Transition.RECEIVE_INFORMATION, InformationReceived.class, Stage.INFO_REQUESTED),
                Arguments.of(Transition.INVITE_TO_INTERVIEW, InterviewScheduled.class, Stage.IN_REVIEW),
                Arguments.of(Transition.RECOMMEND, EnlistmentRecommended.class, Stage.INTERVIEW),
                Arguments.of(Transition.APPROVE, EnlistmentApproved.class, Stage.VETTING),
                Arguments.of(Transition.AUTHORIZE, EnlistmentAuthorized.class, Stage.APPROVED),
                Arguments.of(Transition.CONFIRM_ARRIVAL, VolunteerArrived.class, Stage.AUTHORIZED),
                Arguments.of(Transition.ENLIST, VolunteerEnlisted.class, Stage.ARRIVED),
                Arguments.of(Transition.REJECT, EnlistmentRejected.class, Stage.VETTING),
                Arguments.of(Transition.WITHDRAW, EnlistmentWithdrawn.class, Stage.IN_REVIEW),
                Arguments.of(Transition.REVOKE, EnlistmentRevoked.class, Stage.AUTHORIZED));
    }

    @Test
    void rejectionAndEnlistmentEventsCarryTheirDetails() {
        Enlistment rejected = caseIn(Stage.VETTING);
        rejected.drainEvents();
        rejected.reject(actor(Role.VETTING_OFFICER), RejectionReason.SECURITY, "grounds");
        EnlistmentRejected r = (EnlistmentRejected) rejected.drainEvents().get(0);
        assertThat(r.reason()).isEqualTo(RejectionReason.SECURITY);
        assertThat(r.auditEntry().detail()).isEqualTo("VETTING->REJECTED code=SECURITY");
        assertThat(r.auditEntry().action()).isEqualTo("TRANSITION_REJECT");

        Enlistment arrived = caseIn(Stage.ARRIVED);
        arrived.drainEvents();
        arrived.enlist(actor(Role.RECEPTION_OFFICER), ServiceRole.MEDIC, " 2nd company ");
        VolunteerEnlisted v = (VolunteerEnlisted) arrived.drainEvents().get(0);
        assertThat(v.role()).isEqualTo(ServiceRole.MEDIC);
        assertThat(v.unit()).isEqualTo("2nd company");
    }
}
