package legion.parole.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One version of the parole policy: its named rules in the order verdicts list them. Immutable; an administrator
 * publishes a new version instead of changing one.
 */
public record ParolePolicy(int version, List<ConvictRule> rules) {

    public ParolePolicy {
        if (version < 1) {
            throw new IllegalArgumentException("policy versions start at 1");
        }
        rules = List.copyOf(Objects.requireNonNull(rules));
    }

    /** Every rule judges the convict on the given day; the verdict lists every failure. */
    public Verdict judge(Convict convict, LocalDate day) {
        List<Failure> failures = new ArrayList<>(2);
        for (ConvictRule rule : rules) {
            failures.addAll(rule.judge(convict, day));
        }
        return Verdict.of(failures);
    }
}
