package legion.rules.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import legion.rules.PolicyVersion;
import legion.rules.RuleProgram;
import legion.rules.RuleProgram.Page;

/**
 * Judges every open subject of a program again against a newly published version. Pages through the program's open
 * subjects (never one big read), one short transaction per subject (never one giant transaction), and is idempotent
 * by (program, subject, version): a subject already judged by the version is skipped, and a concurrent insert by
 * another node is a duplicate key that is ignored. A subject decided meanwhile is skipped: the program reads it again
 * in the transaction that records the verdict.
 */
@Component
public class ReevaluationDriver {

    private static final Logger LOG = LoggerFactory.getLogger(ReevaluationDriver.class);
    static final int PAGE = 200;

    private final PolicyStore policies;
    private final TransactionTemplate tx;

    ReevaluationDriver(PolicyStore policies, TransactionTemplate tx) {
        this.policies = policies;
        this.tx = tx;
    }

    /** @return how many verdicts this call recorded */
    public <S, P> int run(RuleProgram<S, P> program, PolicyVersion<S, P> policy, VerdictStore verdicts) {
        int recorded = 0;
        String cursor = null;
        do {
            Page page = program.openSubjects(cursor, PAGE);
            for (String id : page.ids()) {
                if (judge(program, policy, verdicts, id)) {
                    recorded++;
                }
            }
            cursor = page.next();
        } while (cursor != null);
        policies.markReevaluated(program.name(), policy.version());
        LOG.info("{} policy version {}: {} open subjects judged", program.name(), policy.version(), recorded);
        return recorded;
    }

    private <S, P> boolean judge(RuleProgram<S, P> program, PolicyVersion<S, P> policy, VerdictStore verdicts,
                                 String id) {
        if (verdicts.exists(program.name(), id, policy.version())) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(tx.execute(status -> program.openSubject(id)
                    .map(s -> {
                        verdicts.add(program.name(), s.id(), s.reference(), policy.evaluate(s.value(), s.day()));
                        return true;
                    })
                    .orElse(false)));
        } catch (DuplicateKeyException e) {
            return false; // another node judged this subject with this version first
        }
    }
}
