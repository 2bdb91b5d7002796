package legion.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;

import legion.enlistment.Applicant;
import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentId;
import legion.rules.Finding;
import legion.rules.PolicyConflictException;
import legion.rules.Publication;
import legion.rules.RuleEngine;
import legion.rules.Rulebook;
import legion.rules.Verdict;
import legion.shared.Actor;

/**
 * The eligibility policy at work, on the rules engine: refusals at intake, the verdict recorded on every new case,
 * publication of new versions by administrators (which re-evaluates every open case) and the verdict history of a
 * case.
 */
@Service
public class Eligibility {

    private final Rulebook<Applicant, PolicyParameters> rulebook;
    private final Clock clock;

    Eligibility(RuleEngine engine, LegionRules program) {
        this.rulebook = engine.rulebook(program);
        this.clock = Clock.systemUTC();
    }

    public PublishedPolicy current() {
        return PublishedPolicy.of(rulebook.current());
    }

    /** Every version as the administrator's page lists it (rule labels under {@code eligibility.rule.}). */
    public List<legion.rules.PolicySummary> summaries() {
        return rulebook.summaries("eligibility");
    }

    public List<PublishedPolicy> history() {
        return rulebook.history().stream().map(PublishedPolicy::of).toList();
    }

    /** The failures that refuse an application today (age, passport validity, excluded nationality); empty if none. */
    public List<Finding> refusals(Applicant applicant) {
        return current().policy().evaluate(applicant, LocalDate.now(clock)).refusals();
    }

    /**
     * Records the current policy's verdict on a new case. Called by whoever creates a case, in the transaction that
     * stores it, so that no case is ever without one; judged as of the day of application. (A direct call rather than
     * an event listener: the creator has the case in hand, so it is not read back and decrypted again.)
     */
    public void judgeNew(Enlistment e) {
        rulebook.recordFirst(e.id().value().toString(), e.reference().value(),
                rulebook.judge(e.applicant(), e.submittedAt().atZone(ZoneOffset.UTC).toLocalDate()));
    }

    /** The verdicts on a case, newest version first. */
    public List<Verdict> verdicts(EnlistmentId id) {
        return rulebook.verdicts(id.value().toString());
    }

    /**
     * Publishes a new policy version and re-evaluates every still-open case against it (in small transactions;
     * decided cases are left alone). Only administrators publish.
     *
     * @throws SecurityException when the actor is not an administrator
     * @throws PolicyConflictException when another administrator published a version at the same moment
     */
    public Publication publish(Actor actor, PolicyParameters parameters, String note) {
        return rulebook.publish(actor, parameters, note);
    }

    /**
     * What a published version did: how many open cases it judged and whose outcome it changed.
     *
     * @throws legion.rules.PolicyNotFoundException when no such version was published
     */
    public Publication report(int version) {
        return rulebook.report(version);
    }

    /** The Legion's rulebook in the engine (tests and operations: insert without re-evaluating, resume). */
    Rulebook<Applicant, PolicyParameters> rulebook() {
        return rulebook;
    }
}
