package legion.parole;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import legion.parole.policy.ParoleParameters;
import legion.parole.policy.ParolePolicy;
import legion.rules.Assessment;
import legion.rules.Publication;
import legion.rules.RuleEngine;
import legion.rules.Rulebook;
import legion.shared.Actor;

/**
 * The parole policy in force, from the platform's rules engine: version 1 is policy v1 of PRODUCT.md; administrators
 * publish later versions (the legal text is "as reported"), which judge every open case again. Days are judged in
 * Kyiv.
 */
@Component
public class ParolePolicies {

    public static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Kyiv");

    private final Rulebook<legion.parole.policy.Convict, ParoleParameters> rulebook;
    private final Clock clock;

    ParolePolicies(RuleEngine engine, ParoleRules program, ObjectProvider<Clock> clocks) {
        this.rulebook = engine.rulebook(program);
        this.clock = clocks.getIfAvailable(Clock::systemUTC);
    }

    public int currentVersion() {
        return rulebook.current().version();
    }

    /** The verdict of the policy in force on a convict, as of a day. */
    public CaseVerdict judge(Convict convict, LocalDate day) {
        Assessment a = rulebook.judge(convict.subject(), day);
        return CaseVerdict.of(a.policyVersion(), ParolePolicy.verdict(a));
    }

    /** Records the first verdict on a newly filed case in the engine, in the filing transaction. */
    void recordFirst(ParoleCase c, LocalDate day) {
        rulebook.recordFirst(c.id().value().toString(), c.reference().value(),
                rulebook.judge(c.convict().subject(), day));
    }

    /** An administrator publishes a new version; every open case is judged again; the report says what changed. */
    public Publication publish(Actor administrator, ParoleParameters parameters, String note) {
        return rulebook.publish(administrator, parameters, note);
    }

    /** The version in force. */
    public legion.rules.PublishedPolicy<legion.parole.policy.Convict, ParoleParameters> current() {
        return rulebook.current();
    }

    /** Every version as the administrator's page lists it, newest first (rule labels under {@code parole.rule.}). */
    public java.util.List<legion.rules.PolicySummary> summaries() {
        return rulebook.summaries("parole");
    }

    /**
     * What a published version changed.
     *
     * @throws legion.rules.PolicyNotFoundException when no such version was published
     */
    public Publication report(int version) {
        return rulebook.report(version);
    }

    public Rulebook<legion.parole.policy.Convict, ParoleParameters> rulebook() {
        return rulebook;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LEGAL_ZONE);
    }
}
