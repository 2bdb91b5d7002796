package legion.eligibility;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.Enlistments.CaseSummary;
import legion.enlistment.Enlistments.Cursor;
import legion.enlistment.Enlistments.QueueQuery;
import legion.enlistment.Stage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Judges every open case again against a newly published policy version. Pages through open cases by keyset
 * (never one big read), one short transaction per case (never one giant transaction), and is idempotent by
 * (case, version): a case already judged by the version is skipped, and a concurrent insert by another node is a
 * duplicate key that is ignored. A case decided meanwhile is skipped: its stage is checked in the transaction that
 * records the verdict. A version whose re-evaluation did not finish (the node stopped) is resumed by any node.
 */
@Component
class Reevaluation {

    private static final Logger LOG = LoggerFactory.getLogger(Reevaluation.class);
    static final int PAGE = 200;

    private final Policies policies;
    private final Verdicts verdicts;
    private final Enlistments enlistments;
    private final TransactionTemplate tx;

    Reevaluation(Policies policies, Verdicts verdicts, Enlistments enlistments, TransactionTemplate tx) {
        this.policies = policies;
        this.verdicts = verdicts;
        this.enlistments = enlistments;
        this.tx = tx;
    }

    /** Re-evaluates every open case against this version; returns how many verdicts this call recorded. */
    int run(int version) {
        EligibilityPolicy policy = policies.find(version).orElseThrow().policy();
        int recorded = 0;
        Cursor after = null;
        while (true) {
            List<CaseSummary> page = enlistments.queue(new QueueQuery(null, Stage.open(), null, null, after, PAGE));
            for (CaseSummary c : page) {
                if (judge(policy, c)) {
                    recorded++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).cursor();
        }
        policies.markReevaluated(version);
        LOG.info("eligibility policy version {}: {} open cases judged", version, recorded);
        return recorded;
    }

    private boolean judge(EligibilityPolicy policy, CaseSummary c) {
        if (verdicts.exists(c.id(), policy.version())) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(tx.execute(status -> enlistments.findById(new EnlistmentId(c.id()))
                    .filter(e -> e.stage().isOpen())
                    .map(e -> {
                        verdicts.add(e, policy.evaluate(e.applicant(),
                                e.submittedAt().atZone(ZoneOffset.UTC).toLocalDate()));
                        return true;
                    })
                    .orElse(false)));
        } catch (DuplicateKeyException e) {
            return false; // another node judged this case with this version first
        }
    }

    /** Resumes re-evaluations that a stopped node left unfinished (published over a few minutes ago). */
    @Scheduled(fixedDelayString = "${legion.eligibility.resume-interval:PT5M}",
            initialDelayString = "${legion.eligibility.resume-interval:PT5M}")
    @SchedulerLock(name = "eligibility-reevaluation-resume", lockAtMostFor = "PT30M")
    void resumeUnfinished() {
        for (int version : policies.unfinished(Instant.now().minus(Duration.ofMinutes(5)))) {
            run(version);
        }
    }
}
