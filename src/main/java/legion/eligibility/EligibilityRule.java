package legion.eligibility;

import java.time.LocalDate;

import legion.enlistment.Applicant;

/**
 * One small named rule of an eligibility policy: it looks at one aspect of an application and says
 * {@link Outcome#PASS}, {@link Outcome#FAIL} or {@link Outcome#NEEDS_REVIEW}, with an explanation.
 */
interface EligibilityRule {

    /** A stable name that says what the rule checks with its parameters, e.g. {@code age-18-60}. */
    String name();

    /** Whether failing this rule refuses the application at intake (422) instead of recording it on the case. */
    default boolean refusesAtIntake() {
        return false;
    }

    /**
     * @param applicationDay the day of application: rules about age and validity are judged on that day, also when
     *                       a later policy version re-evaluates the case
     */
    Finding evaluate(Applicant applicant, LocalDate applicationDay);
}
