package legion.parole.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import legion.rules.Assessment;
import legion.rules.Finding;
import legion.rules.PolicyVersion;
import legion.rules.Rule;

/**
 * One version of the parole policy: a version of the platform's rules engine over convicts, read as parole
 * verdicts. The same object judges in the server (a published version) and in {@code parole-screen} (v1).
 */
public record ParolePolicy(PolicyVersion<Convict, ParoleParameters> engine) {

    /** The named rules these parameters make, in the order verdicts list them. */
    public static List<Rule<Convict>> rules(ParoleParameters p) {
        ExcludedOffence excluded = ExcludedOffence.of(p.excludedOffences(), p.source(ExcludedOffence.NAME));
        return List.of(excluded,
                new LifeSentence(p.source(LifeSentence.NAME)),
                new ResponsiblePost(p.source(ResponsiblePost.NAME)),
                new NoSentenceLeft(p.source(NoSentenceLeft.NAME)),
                new RemainingTerm(p.remainingTermYears(), p.source(RemainingTerm.NAME)));
    }

    public static ParolePolicy of(int version, ParoleParameters parameters) {
        return new ParolePolicy(new PolicyVersion<>(version, parameters, rules(parameters)));
    }

    public int version() {
        return engine.version();
    }

    public List<ConvictRule> rules() {
        return engine.rules().stream().map(ConvictRule.class::cast).toList();
    }

    /** Every rule judges the convict on the given day; the verdict lists every failure. */
    public Verdict judge(Convict convict, LocalDate day) {
        return verdict(engine.evaluate(convict, day));
    }

    /** An engine assessment of a convict read as a parole verdict. */
    public static Verdict verdict(Assessment assessment) {
        List<Failure> failures = new ArrayList<>(2);
        for (Finding f : assessment.failures()) {
            failures.add(new Failure(f.rule(), f.detail(), f.date()));
        }
        return Verdict.of(failures);
    }
}
