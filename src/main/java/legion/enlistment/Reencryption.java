package legion.enlistment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Background key rotation: re-encrypts cases under the current data key, a small batch per transaction. Safe on
 * several nodes: each row is rewritten only if its key is still the one that was read.
 */
@Component
class Reencryption {

    private static final Logger LOG = LoggerFactory.getLogger(Reencryption.class);
    private final Enlistments enlistments;

    Reencryption(Enlistments enlistments) {
        this.enlistments = enlistments;
    }

    @Scheduled(fixedDelayString = "${legion.privacy.reencrypt-interval-ms:30000}", initialDelay = 5000)
    @SchedulerLock(name = "reencryption", lockAtMostFor = "PT10M")
    void run() {
        int total = 0;
        int n;
        while ((n = enlistments.reencrypt(200)) > 0) {
            total += n;
        }
        if (total > 0) {
            LOG.info("re-encrypted {} cases under the current data key", total);
        }
    }
}
