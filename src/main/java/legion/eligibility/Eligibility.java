package legion.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import legion.enlistment.Applicant;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistment;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * The eligibility policy at work: refusals at intake, the verdict recorded on every new case, publication of new
 * versions by administrators (which re-evaluates every open case) and the verdict history of a case.
 */
@Service
public class Eligibility {

    private final Policies policies;
    private final Verdicts verdicts;
    private final Reevaluation reevaluation;
    private final Clock clock;

    Eligibility(Policies policies, Verdicts verdicts, Reevaluation reevaluation) {
        this.policies = policies;
        this.verdicts = verdicts;
        this.reevaluation = reevaluation;
        this.clock = Clock.systemUTC();
    }

    public PublishedPolicy current() {
        return policies.current();
    }

    public List<PublishedPolicy> history() {
        return policies.all();
    }

    /** The failures that refuse an application today (age, passport validity, excluded nationality); empty if none. */
    public List<Finding> refusals(Applicant applicant) {
        return policies.current().policy().evaluate(applicant, LocalDate.now(clock)).refusals();
    }

    /**
     * Records the current policy's verdict on a new case. Called by whoever creates a case, in the transaction that
     * stores it, so that no case is ever without one; judged as of the day of application. (A direct call rather than
     * an event listener: the creator has the case in hand, so it is not read back and decrypted again.)
     */
    public void judgeNew(Enlistment e) {
        EligibilityPolicy policy = policies.current().policy();
        verdicts.addFirst(e, policy.evaluate(e.applicant(), e.submittedAt().atZone(ZoneOffset.UTC).toLocalDate()));
    }

    /** The verdicts on a case, newest version first. */
    public List<Verdict> verdicts(EnlistmentId id) {
        return verdicts.of(id.value());
    }

    /** What a publication did: the version, how many open cases it judged, and whose outcome changed. */
    public record Publication(int version, long judged, List<OutcomeChange> changes) {
    }

    /**
     * Publishes a new policy version and re-evaluates every still-open case against it (in small transactions;
     * decided cases are left alone). Only administrators publish.
     *
     * @throws SecurityException when the actor is not an administrator
     * @throws PolicyConflictException when another administrator published a version at the same moment
     */
    public Publication publish(Actor actor, PolicyParameters parameters, String note) {
        if (actor.role() != Role.ADMINISTRATOR) {
            throw new SecurityException("only administrators publish eligibility policies");
        }
        int version = policies.latest().map(PublishedPolicy::version).orElseGet(() -> policies.current().version()) + 1;
        try {
            policies.insert(version, parameters, actor.id(),
                    note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(500, note.strip().length())));
        } catch (DuplicateKeyException e) {
            throw new PolicyConflictException();
        }
        reevaluation.run(version);
        return report(version);
    }

    /**
     * What a published version did: how many open cases it judged and whose outcome it changed.
     *
     * @throws PolicyNotFoundException when no such version was published
     */
    public Publication report(int version) {
        if (policies.find(version).isEmpty()) {
            throw new PolicyNotFoundException();
        }
        return new Publication(version, verdicts.count(version), verdicts.changes(version));
    }
}
