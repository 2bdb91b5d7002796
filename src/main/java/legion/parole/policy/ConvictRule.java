package legion.parole.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import legion.rules.Finding;
import legion.rules.Rule;

/**
 * One named rule of a parole policy with its legal source, a rule of the platform's engine over a {@link Convict}:
 * it judges a convict on a day and returns what failed (nothing when the rule is met). Pure: no clock, no database.
 * Each failure becomes one engine finding, {@code FAIL} with the failure's detail and day.
 */
public interface ConvictRule extends Rule<Convict> {

    /** The stable name written in verdicts, e.g. {@code EXCLUDED_OFFENCE}. */
    @Override
    String name();

    /** Where the law says so (as reported; an administrator corrects it in a later policy version). */
    String legalSource();

    @Override
    default String source() {
        return legalSource();
    }

    List<Failure> judge(Convict convict, LocalDate day);

    /** The part of the convict the rule looks at, as the contract names it. */
    String field();

    @Override
    default Finding evaluate(Convict convict, LocalDate day) {
        return findings(convict, day).get(0);
    }

    @Override
    default List<Finding> findings(Convict convict, LocalDate day) {
        List<Failure> failures = judge(convict, day);
        if (failures.isEmpty()) {
            return List.of(Finding.pass(name(), field(), "parole").from(legalSource()));
        }
        List<Finding> findings = new ArrayList<>(failures.size());
        for (Failure f : failures) {
            findings.add(Finding.of(name(), legion.rules.Outcome.FAIL, field(), "parole.rule." + name())
                    .detailed(f.detail()).on(f.from()).from(legalSource()));
        }
        return findings;
    }
}
