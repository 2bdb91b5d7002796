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

    /**
     * The policy in force's judgement of an application today: its refusals at intake, and the verdict that
     * {@link #judgeNew(Enlistment, Judgement)} records with the new case without running the rules a second time.
     */
    public Judgement judge(Applicant applicant) {
        LocalDate today = LocalDate.now(clock);
        return new Judgement(applicant, today, current().policy().evaluate(applicant, today));
    }

    /** What {@link #judge} found, for the applicant it was given, on its day, under one version. */
    public static final class Judgement {
        private final Applicant applicant;
        private final LocalDate day;
        private final EligibilityPolicy.Assessment assessment;

        private Judgement(Applicant applicant, LocalDate day, EligibilityPolicy.Assessment assessment) {
            this.applicant = applicant;
            this.day = day;
            this.assessment = assessment;
        }

        /** The failures that refuse the application (age, passport validity, excluded nationality); empty if none. */
        public List<Finding> refusals() {
            return assessment.refusals();
        }
    }

    /**
     * Records the current policy's verdict on a new case. Called by whoever creates a case, in the transaction that
     * stores it, so that no case is ever without one; judged as of the day of application. (A direct call rather than
     * an event listener: the creator has the case in hand, so it is not read back and decrypted again.)
     */
    public void judgeNew(Enlistment e) {
        judgeNew(e, null);
    }

    /**
     * {@link #judgeNew(Enlistment)}, recording {@code earlier} (from {@link #judge} at validation) when it judged this
     * very applicant on the day of application under the version still in force; otherwise judged again.
     */
    public void judgeNew(Enlistment e, Judgement earlier) {
        LocalDate day = e.submittedAt().atZone(ZoneOffset.UTC).toLocalDate();
        boolean reusable = earlier != null && earlier.applicant == e.applicant() && earlier.day.equals(day)
                && earlier.assessment.policyVersion() == rulebook.current().version();
        rulebook.recordFirst(e.id().value().toString(), e.reference().value(),
                reusable ? earlier.assessment.judged() : rulebook.judge(e.applicant(), day));
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
