package legion.eligibility;

import legion.enlistment.Applicant;
import legion.rules.Rule;

/**
 * One small named rule of the Legion's eligibility policy: it looks at one aspect of an application as of its day of
 * application (also when a later policy version re-evaluates the case).
 */
interface EligibilityRule extends Rule<Applicant> {

    /** Whether failing this rule refuses the application at intake (422) instead of recording it on the case. */
    default boolean refusesAtIntake() {
        return false;
    }
}
