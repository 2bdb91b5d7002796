package legion.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Every scheduled job of the application holds a cluster-wide lease, under its own name, except those listed here
 * that run on every node by design (pinned: a new job without a lease, or a renamed lease, fails this test).
 */
class EveryJobHasALeaseTest {

    @Test
    void everyScheduledMethodIsLeasedUnderItsOwnName() throws Exception {
        TreeMap<String, String> leases = new TreeMap<>();
        List<String> unleased = new ArrayList<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        for (var candidate : scanner.findCandidateComponents("legion")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Scheduled.class)) {
                    String job = type.getSimpleName() + "." + m.getName();
                    SchedulerLock lock = m.getAnnotation(SchedulerLock.class);
                    // a leased call can be skipped: only void methods that nothing but the scheduler calls
                    assertThat(m.getReturnType()).as(job).isEqualTo(void.class);
                    if (lock == null) {
                        unleased.add(job);
                    } else {
                        leases.put(job, lock.name());
                    }
                }
            }
        }
        assertThat(leases).containsExactlyEntriesOf(new TreeMap<>(java.util.Map.of(
                "AuditSealer.scheduled", "audit-sealer",
                "PublicationResubmission.scheduled", "event-publication-resubmission",
                "Reencryption.run", "reencryption",
                "RuleEngine.resumeUnfinished", "rules-reevaluation-resume",
                "HandOverClock.check", "parole-hand-over-clock",
                "Retention.scheduled", "retention",
                "OverdueHolders.scheduled", "arms-overdue-holders",
                "SessionCleanup.scheduled", "http-session-cleanup")));
        // the outbox claims each message (for update skip locked), so the nodes share the sending instead of taking
        // turns (screening's workers claim their work the same way, on threads of their own)
        assertThat(unleased).containsExactly("OutboxSender.run");
    }
}
