package legion.parole;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import legion.parole.policy.ParolePolicy;
import legion.parole.policy.PolicyV1;

/**
 * The parole policy in force. Policy v1 of PRODUCT.md until the platform's rules engine publishes versions (an
 * administrator's later versions come through it, with the re-evaluation of open cases).
 */
@Component
public class ParolePolicies {

    private final ParolePolicy v1 = PolicyV1.policy();

    public ParolePolicy current() {
        return v1;
    }

    /** The verdict of the policy in force on a convict, as of a day. */
    public CaseVerdict judge(Convict convict, LocalDate day) {
        ParolePolicy policy = current();
        return CaseVerdict.of(policy.version(), policy.judge(convict.subject(), day));
    }
}
