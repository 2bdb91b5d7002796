package legion.privacy;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Background key rotation: brings every {@link Reencryptable} store (cases, their history, answers, interview notes)
 * under the current data key, a small batch per transaction. Safe on several nodes: each row is rewritten only if its
 * key is still the one that was read.
 */
@Component
class Reencryption {

    private static final Logger LOG = LoggerFactory.getLogger(Reencryption.class);
    private final List<Reencryptable> stores;

    Reencryption(List<Reencryptable> stores) {
        this.stores = stores;
    }

    @Scheduled(fixedDelayString = "${legion.privacy.reencrypt-interval-ms:30000}", initialDelay = 5000)
    @SchedulerLock(name = "reencryption", lockAtMostFor = "PT10M")
    void run() {
        for (Reencryptable store : stores) {
            int total = 0;
            int n;
            while ((n = store.reencrypt(200)) > 0) {
                total += n;
            }
            if (total > 0) {
                LOG.info("re-encrypted {} rows of {} under the current data key", total,
                        store.getClass().getSimpleName());
            }
        }
    }
}
