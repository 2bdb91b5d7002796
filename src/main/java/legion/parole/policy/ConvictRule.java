package legion.parole.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * One named rule of a parole policy with its legal source: it judges a convict on a day and returns what failed
 * (nothing when the rule is met). Pure: no clock, no database.
 */
public interface ConvictRule {

    /** The stable name written in verdicts, e.g. {@code EXCLUDED_OFFENCE}. */
    String name();

    /** Where the law says so (as reported; an administrator corrects it in a later policy version). */
    String legalSource();

    List<Failure> judge(Convict convict, LocalDate day);
}
