package legion.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a program's policy: its number, the parameters it was built from and the named rules they make,
 * in the order they are applied. Immutable once published.
 *
 * @param <S> the subject the rules judge
 * @param <P> the program's parameters (a record, stored as JSON)
 */
public record PolicyVersion<S, P>(int version, P parameters, List<Rule<S>> rules) {

    public PolicyVersion {
        rules = List.copyOf(rules);
    }

    /** The names of the rules in the order they are applied. */
    public List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }

    /** Judges a subject as of a day: every rule's finding and the worst outcome. */
    public Assessment evaluate(S subject, LocalDate day) {
        List<Finding> findings = rules.stream().flatMap(r -> r.findings(subject, day).stream()).toList();
        Outcome overall = findings.stream().map(Finding::outcome).reduce(Outcome.PASS, Outcome::worst);
        return new Assessment(version, overall, findings);
    }
}
