package legion.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * One small named rule of a policy: it looks at one aspect of a subject as of a day and says {@link Outcome#PASS},
 * {@link Outcome#FAIL} or {@link Outcome#NEEDS_REVIEW}, with an explanation.
 *
 * @param <S> what the rule judges: an application, a convict, a holder and a weapon
 */
public interface Rule<S> {

    /** A stable name that says what the rule checks with its parameters, e.g. {@code age-18-60}. */
    String name();

    /**
     * Where the rule comes from (a law, a decree, a policy), shown with it on administrators' pages and in its
     * findings; null when the program gives none.
     */
    default String source() {
        return null;
    }

    /**
     * @param day the day judged: a program decides which (the day of application, today, the day of an issue), and
     *            keeps it when a later policy version judges the subject again
     */
    Finding evaluate(S subject, LocalDate day);

    /**
     * Everything this rule finds about a subject, in order; one finding unless the rule finds several things of one
     * kind (each excluded offence of a convict, {@code EXCLUDED_OFFENCE(115:2.1)} and {@code EXCLUDED_OFFENCE(258)}):
     * such a rule overrides this, and {@link #evaluate} gives the first.
     */
    default List<Finding> findings(S subject, LocalDate day) {
        return List.of(evaluate(subject, day));
    }
}
