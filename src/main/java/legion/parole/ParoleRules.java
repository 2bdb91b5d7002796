package legion.parole;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import legion.parole.policy.Convict;
import legion.parole.policy.ParoleParameters;
import legion.parole.policy.ParolePolicy;
import legion.parole.policy.PolicyV1;
import legion.rules.Rule;
import legion.rules.RuleProgram;

/**
 * The parole program in the platform's rules engine: convicts judged as of today (their remaining term shrinks) by
 * the rules of {@link ParolePolicy}; version 1 is policy v1 of PRODUCT.md; open cases (APPLIED … PETITIONED) are
 * judged again when an administrator publishes a version, and their case row then carries the newest verdict.
 */
@Component
class ParoleRules implements RuleProgram<Convict, ParoleParameters> {

    static final String NAME = "parole";

    private final ParoleCases cases;
    private final ObjectProvider<ParolePolicies> policies;

    ParoleRules(ParoleCases cases, ObjectProvider<ParolePolicies> policies) {
        this.cases = cases;
        this.policies = policies;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ParoleParameters> parametersType() {
        return ParoleParameters.class;
    }

    @Override
    public ParoleParameters defaults() {
        return PolicyV1.parameters();
    }

    @Override
    public List<Rule<Convict>> rules(ParoleParameters parameters) {
        return ParolePolicy.rules(parameters);
    }

    @Override
    public Page openSubjects(String cursor, int limit) {
        ParoleCases.OpenPage page = cases.openCases(cursor, limit);
        return new Page(page.ids().stream().map(UUID::toString).toList(), page.next());
    }

    /**
     * The open case, read again in the transaction that records its verdict; the case row takes the verdict of the
     * version in force in the same transaction (what the queues and the eligible-soon list read).
     */
    @Override
    public Optional<Subject<Convict>> openSubject(String id) {
        ParolePolicies p = policies.getObject();
        LocalDate today = p.today();
        return cases.findById(new ParoleCaseId(UUID.fromString(id)))
                .filter(c -> c.stage().isOpen())
                .map(c -> {
                    CaseVerdict now = p.judge(c.convict(), today);
                    if (!now.equals(c.verdict())) {
                        c.rejudge(now);
                        cases.update(c);
                    }
                    return new Subject<>(id, c.reference().value(), c.convict().subject(), today);
                });
    }
}
