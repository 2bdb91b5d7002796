package legion.parole;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import legion.parole.ParoleAction.RulingFacts;
import legion.shared.Actor;
import legion.shared.Role;
import legion.shared.Unit;
import legion.support.LegionIntegrationTest;
import legion.support.MutableClock;

/** The 24-hour hand-over clock, with clocks the test moves: flagged after the due time, once across two nodes. */
@LegionIntegrationTest
class HandOverClockTest {

    @Autowired
    ParoleWork work;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    legion.access.Officers officers;

    private void officerWithAddress(String username, Role role, Unit unit) {
        if (!officers.exists(username)) {
            officers.createInUnit(username, username, "clock-password-1", role, unit);
        }
        officers.setMailAddress(username, username + "@example.org");
    }

    private long mails(ParoleReference ref, String username) {
        return jdbc.sql("select count(*) from outbox_message where dedupe_key = ? and kind = 'PAROLE_HAND_OVER_OVERDUE'")
                .param("parole:overdue:" + ref.value() + ":" + username).query(Long.class).single();
    }

    static final Actor PRISON = Actor.inUnit("clock-prison", Role.PRISON_OFFICER, Unit.of(Unit.PRISON, "UA-PRN-CLOCK"));

    private ParoleReference released(Instant effectiveAt) {
        ParoleCase c = work.file(PRISON, new Convict("Taras Melnyk", LocalDate.of(1985, 1, 2), "CL-1", "185:1",
                LocalDate.now().plusYears(1), false, false), null, "Inspector Hrytsenko");
        ParoleReference ref = c.reference();
        work.act(PRISON, ref, ParoleAction.of(Transition.SCREEN, null));
        work.act(Actor.officer("clock-medical", Role.MEDICAL_BOARD, null), ref, ParoleAction.of(Transition.FIND_FIT, null));
        work.act(Actor.officer("clock-commander", Role.UNIT_COMMANDER, null), ref,
                new ParoleAction(Transition.ACCEPT, "fit for service", null, null, "A1", null, null, null));
        work.act(PRISON, ref, ParoleAction.of(Transition.PETITION, null));
        work.act(Actor.officer("clock-clerk", Role.COURT_CLERK, null), ref, new ParoleAction(Transition.RELEASE, null,
                null, null, null, null, new RulingFacts("court", "761/9/25", effectiveAt), null));
        return ref;
    }

    private long audited(ParoleReference ref) {
        return jdbc.sql("select count(*) from audit_log where subject = ? and action = 'PAROLE_HAND_OVER_OVERDUE'")
                .param(ref.value()).query(Long.class).single();
    }

    @Test
    void aHandOverMissedByTheDueTimeIsFlaggedOnceAcrossNodes() throws Exception {
        officerWithAddress("clock-escort-mail", Role.ESCORT, null);
        officerWithAddress("clock-sup-mail", Role.SUPERVISING_OFFICER, Unit.of(Unit.MILITARY_UNIT, "A1"));
        officerWithAddress("clock-sup-other", Role.SUPERVISING_OFFICER, Unit.of(Unit.MILITARY_UNIT, "B2"));
        Instant effect = Instant.parse("2025-06-01T10:00:00Z");
        ParoleReference ref = released(effect);
        MutableClock clock = new MutableClock(effect.plus(Duration.ofHours(24)));
        HandOverClock node1 = new HandOverClock(jdbc, events, tx, clock);
        HandOverClock node2 = new HandOverClock(jdbc, events, tx, clock);

        node1.flagOverdue();
        assertThat(audited(ref)).as("not yet overdue at exactly 24 hours").isZero();
        assertThat(node1.board(1000)).filteredOn(w -> w.reference().equals(ref))
                .singleElement().satisfies(w -> {
                    assertThat(w.due()).isEqualTo(Instant.parse("2025-06-02T10:00:00Z"));
                    assertThat(w.overdueSince()).isNull();
                });

        clock.advance(Duration.ofSeconds(1));
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(node1::flagOverdue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(node2::flagOverdue);
        a.get();
        b.get();
        node2.flagOverdue();
        assertThat(audited(ref)).as("flagged once across both nodes and every later check").isEqualTo(1);
        assertThat(mails(ref, "clock-escort-mail")).as("the escort is told once").isEqualTo(1);
        assertThat(mails(ref, "clock-sup-mail")).as("the accepting unit's supervisor is told once").isEqualTo(1);
        assertThat(mails(ref, "clock-sup-other")).as("another unit's supervisor is not told").isZero();
        assertThat(node1.board(1000)).filteredOn(w -> w.reference().equals(ref))
                .singleElement().satisfies(w -> assertThat(w.overdueSince()).isEqualTo(clock.instant()));

        ParoleCase handedOver = work.act(Actor.officer("clock-escort", Role.ESCORT, null), ref,
                ParoleAction.of(Transition.HAND_OVER, null));
        assertThat(handedOver.handedOverLate()).isTrue();
        assertThat(node1.board(1000)).noneMatch(w -> w.reference().equals(ref));
    }

    @Test
    void aHandOverWithinTheDayIsNeverFlagged() {
        Instant effect = Instant.now().minus(Duration.ofHours(1));
        ParoleReference ref = released(effect);
        HandOverClock node = new HandOverClock(jdbc, events, tx, new MutableClock(effect.plus(Duration.ofHours(23))));
        node.flagOverdue();
        ParoleCase handedOver = work.act(Actor.officer("clock-escort", Role.ESCORT, null), ref,
                ParoleAction.of(Transition.HAND_OVER, null));
        assertThat(handedOver.handedOverLate()).isFalse();
        new HandOverClock(jdbc, events, tx, new MutableClock(effect.plus(Duration.ofDays(3)))).flagOverdue();
        assertThat(audited(ref)).isZero();
    }
}
