package legion.jobs;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Delivers again what a listener did not finish. A publication is marked failed when its listener throws, and by
 * Modulith's staleness check when it stayed published or in processing for too long (its node crashed or stopped:
 * {@code spring.modulith.events.staleness.*}); this job, on one node at a time, resubmits failed publications older
 * than {@code legion.events.resubmit-min-age} (so a fresh failure is not retried in a tight loop), and removes
 * completed publications after {@code legion.events.keep-completed}. Modulith marks each publication
 * {@code RESUBMITTED} with a conditional update before calling its listener again, so even two overlapping runs
 * deliver it once. Listeners must be idempotent: delivery is at least once (ADR 0040).
 */
@Component
class PublicationResubmission {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationResubmission.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final Duration minAge;
    private final Duration keepCompleted;

    PublicationResubmission(FailedEventPublications failed, CompletedEventPublications completed,
                            @Value("${legion.events.resubmit-min-age:PT30S}") Duration minAge,
                            @Value("${legion.events.keep-completed:P7D}") Duration keepCompleted) {
        this.failed = failed;
        this.completed = completed;
        this.minAge = minAge;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(fixedDelayString = "${legion.events.resubmit-interval:PT30S}",
            initialDelayString = "${legion.events.resubmit-interval:PT30S}")
    @SchedulerLock(name = "event-publication-resubmission", lockAtMostFor = "PT5M")
    void scheduled() {
        resubmit();
    }

    /** Resubmits the failed publications old enough, and forgets old completed ones. */
    void resubmit() {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge).withBatchSize(500));
        completed.deletePublicationsOlderThan(keepCompleted);
        LOG.debug("event publications resubmitted");
    }
}
